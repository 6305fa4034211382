import GitIntegration
import NotebookDiff
import NotebookFormat

/// One side of `quire diff`: a notebook read from a file, stdin or git's HEAD, upgraded to v4.
struct DiffInput {
    /// The name in the `---`/`+++` header.
    var label: String
    var notebook: Notebook
    /// Set when the file was an older nbformat version, upgraded for the comparison.
    var upgradedFrom: Int?

    /// Reads a file, or stdin for `-`. Both sides read with one `pool` share their equal long
    /// strings (images), which halves the memory of two versions of a big notebook.
    static func load(_ path: String, pool: StringPool) throws(NotebookError) -> DiffInput {
        if path == "-" {
            let bytes = try FileIO.readStandardInput()
            return try parse(bytes, label: "<stdin>", file: nil, pool: pool)
        }
        return try parse(try FileIO.read(path), label: path, file: path, pool: pool)
    }

    /// The version of `path` in git's last commit (`git show HEAD:<path from the repository root>`).
    static func loadFromHEAD(_ path: String, pool: StringPool) throws(NotebookError) -> DiffInput {
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
        return try parse(shown.standardOutput, label: "HEAD:" + fullName, file: "HEAD:" + fullName, pool: pool)
    }

    private static func parse(_ bytes: [UInt8], label: String, file: String?, pool: StringPool) throws(NotebookError) -> DiffInput {
        do throws(NotebookError) {
            let read = try NotebookReader.read(bytes, pool: pool)
            guard read.major < 4 else { return DiffInput(label: label, notebook: read) }
            var upgraded = try read.upgradedToV4()
            // The ids an upgrade invents mean nothing; comparing them would pair no cells.
            upgraded.updateCells { cells in for i in cells.indices { cells[i].id = nil } }
            return DiffInput(label: label, notebook: upgraded, upgradedFrom: read.major)
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
