import GitIntegration
import NotebookDiff
import NotebookFormat

/// One side of `quire diff`: a notebook read from a file, stdin or git's HEAD, upgraded to v4.
struct DiffInput {
    /// The name in the `---`/`+++` header.
    var label: String
    var notebook: Notebook
    /// Lines printed under the header about how this side was read.
    var notes: [String] = []
    /// The nbformat version of the file, before any upgrade.
    var version: (major: Int, minor: Int)

    /// `/dev/null` stands for a notebook without cells, as in `git diff` of an added file.
    static let nullDevice = "/dev/null"

    /// Reads a file, or stdin for `-`. Both sides read with one `pool` share their equal long
    /// strings (images), which halves the memory of two versions of a big notebook.
    static func load(_ path: String, pool: StringPool) throws(NotebookError) -> DiffInput {
        if path == "-" {
            let bytes = try FileIO.readStandardInput()
            return try parse(bytes, label: "<stdin>", file: nil, pool: pool)
        }
        return try parse(try FileIO.read(path), label: path, file: path, pool: pool)
    }

    /// Two paths, either of which may be `/dev/null`.
    static func loadPair(_ oldPath: String, _ newPath: String, pool: StringPool) throws(NotebookError) -> (DiffInput, DiffInput) {
        switch (oldPath == nullDevice, newPath == nullDevice) {
        case (true, true): return (empty(like: nil), empty(like: nil))
        case (true, false):
            let new = try load(newPath, pool: pool)
            return (empty(like: new.notebook), new)
        case (false, true):
            let old = try load(oldPath, pool: pool)
            return (old, empty(like: old.notebook))
        case (false, false):
            return (try load(oldPath, pool: pool), try load(newPath, pool: pool))
        }
    }

    /// A notebook without cells or metadata, of the same nbformat version as `other`.
    static func empty(like other: Notebook?) -> DiffInput {
        var json = JSONObject()
        json["cells"] = .array([])
        json["metadata"] = .object(JSONObject())
        json["nbformat"] = .int(other?.major ?? 4)
        json["nbformat_minor"] = .int(other?.minor ?? 5)
        let notebook = Notebook(json: json)
        return DiffInput(label: nullDevice, notebook: notebook, version: (notebook.major, notebook.minor))
    }

    /// The working copy of `path` and its version in git's last commit. When git cleans the
    /// file with quire's filter (`filter=quire`) and `applyFilter` is set, the working copy is
    /// cleaned first, as `git diff` and a commit see it.
    static func againstHEAD(_ path: String, applyFilter: Bool, pool: StringPool) throws(NotebookError) -> (DiffInput, DiffInput) {
        var bytes = try FileIO.read(path)
        let (folder, name) = split(path)
        let listed = try git(["-C", folder, "ls-files", "--full-name", "--error-unmatch", "--", name], path: path)
        guard listed.status == 0 else {
            if listed.errorText.contains("not a git repository") {
                throw NotebookError(.missingFile, "not inside a git repository, so there is no HEAD version to compare with; give two notebooks: quire diff A B", file: path)
            }
            throw NotebookError(.missingFile, "not tracked by git, so there is no HEAD version to compare with; give two notebooks: quire diff A B", file: path)
        }
        let fullName = listed.outputText.split(separator: "\n").first.map(String.init) ?? name
        let shown = try git(["-C", folder, "show", "HEAD:" + fullName], path: path)
        guard shown.status == 0 else {
            throw NotebookError(.missingFile, "not in HEAD (added since the last commit, or no commit yet)", file: path)
        }
        var notes: [String] = []
        if applyFilter, try git(["-C", folder, "check-attr", "filter", "--", name], path: path).outputText.hasSuffix(": filter: quire\n") {
            let result = NotebookFilter(options: CleanConfiguration.forGitFilter()).clean(bytes, path: fullName)
            if let warning = result.warning { Console.error(warning) }
            bytes = result.output
            notes.append("\(path) as git's quire filter cleans it (--no-filter: as it is on disk)")
        }
        let old = try parse(shown.standardOutput, label: "HEAD:" + fullName, file: "HEAD:" + fullName, pool: pool)
        var new = try parse(bytes, label: path, file: path, pool: pool)
        new.notes = notes + new.notes
        return (old, new)
    }

    private static func parse(_ bytes: [UInt8], label: String, file: String?, pool: StringPool) throws(NotebookError) -> DiffInput {
        do throws(NotebookError) {
            let read = try NotebookReader.read(bytes, pool: pool)
            let version = (read.major, read.minor)
            guard read.major < 4 else { return DiffInput(label: label, notebook: read, version: version) }
            var upgraded = try read.upgradedToV4()
            // The ids an upgrade invents mean nothing; comparing them would pair no cells.
            upgraded.updateCells { cells in for i in cells.indices { cells[i].id = nil } }
            return DiffInput(
                label: label, notebook: upgraded, notes: ["\(label) is nbformat \(read.major), compared as nbformat 4"], version: version)
        } catch {
            throw file.map { error.inFile($0) } ?? error
        }
    }

    private static func git(_ arguments: [String], path: String) throws(NotebookError) -> ProcessOutput {
        do {
            return try ProcessRunner.run(["git"] + arguments)
        } catch {
            let reason = error.isNotFound ? "git is not installed (not found on PATH)" : "cannot run git: \(error.reason)"
            throw NotebookError(.missingFile, reason + "; give two notebooks: quire diff A B", file: path)
        }
    }

    /// The folder to run git in and the file's name inside it.
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
