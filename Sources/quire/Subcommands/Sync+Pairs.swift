import NotebookFormat
import NotebookText

/// Finds the notebook–script pairs that `quire sync` works on, from notebooks, scripts and folders.
struct PairFinder {
    let currentDirectory = ConfigurationFile.currentDirectory()
    /// Scripts already taken, so a notebook named twice is synced once.
    private var seen = Set<String>()

    /// A file named both ways: absolute for the work, as the user wrote it for messages.
    struct Location {
        var absolute: String
        var display: String
    }

    struct Pair {
        var notebook: Location
        var script: Location
        var language: ScriptLanguage
        /// Where the sync state lives: the git work tree, else the notebook's folder.
        var root: String
        var inGit: Bool
        /// The notebook as the finder read it, so it is read once.
        var loaded: (bytes: [UInt8], notebook: Notebook)?
    }

    /// The pairs for one command-line path; problems go to `report`.
    mutating func pairs(for path: String, report: inout SyncReport) -> [Pair] {
        let location = locate(path)
        do {
            if FileIO.isDirectory(location.absolute) {
                var pairs: [Pair] = []
                for notebook in NotebookWalk.notebooks(below: location.absolute) {
                    pairs += try pairsOfNotebook(self.locate(notebook, under: location), named: false, report: &report)
                }
                return pairs
            }
            if location.absolute.hasSuffix(".ipynb") { return try pairsOfNotebook(location, named: true, report: &report) }
            return try pairsOfScript(location, report: &report)
        } catch {
            report.failed(error)
            return []
        }
    }

    private mutating func pairsOfNotebook(_ notebook: Location, named: Bool, report: inout SyncReport) throws -> [Pair] {
        var loaded: (bytes: [UInt8], notebook: Notebook)?
        if FileIO.exists(notebook.absolute) || !named {
            let bytes = try FileIO.read(notebook.absolute)
            do { loaded = (bytes, try NotebookReader.read(bytes)) } catch { throw error.inFile(notebook.display) }
        }
        let formats = loaded?.notebook.metadata["jupytext"]?.objectValue?["formats"]?.stringValue
        guard let pairing = try pairing(formats, for: notebook) else {
            if loaded == nil { throw NotebookError(.missingFile, "no such file", file: notebook.display) }
            if named { throw SyncError("\(notebook.display) is not paired with a script: run `quire pair \(notebook.display)`, or set formats in quire.toml [pair]") }
            return []
        }
        return try pairs(pairing, of: notebook, loaded: loaded, metadata: loaded?.notebook.metadata, report: &report)
    }

    private mutating func pairsOfScript(_ script: Location, report: inout SyncReport) throws -> [Pair] {
        let bytes = try FileIO.read(script.absolute)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw NotebookError(.notANotebook, "the script is not UTF-8 text", file: script.display)
        }
        let ext = Quire.Convert.fileExtension(of: script.absolute)
        let header: JSONObject
        do { header = try PercentReader.headerMetadata(of: text, fileExtension: ext) } catch let error as PercentReaderError {
            throw error.inFile(script.display)
        }
        let formats = header["jupytext"]?.objectValue?["formats"]?.stringValue
        guard let pairing = try pairing(formats, for: script), let notebookFile = pairing.files(for: script.absolute)?.first else {
            throw SyncError("\(script.display) is not paired with a notebook: pair the notebook with `quire pair`, or set formats in quire.toml [pair]")
        }
        let notebook = locate(notebookFile.path, like: script)
        return try pairsOfNotebook(notebook, named: true, report: &report).filter { $0.script.absolute == script.absolute }
    }

    /// The pairing from the file's own `formats`, else from the configuration that applies to it.
    private func pairing(_ formats: String?, for file: Location) throws -> Pairing? {
        if let formats {
            do { return try Pairing(parsing: formats) } catch { throw SyncError("\(file.display): jupytext.formats: \(error)") }
        }
        let folder = PathNames.directory(of: file.absolute)
        return try PairingConfiguration.find(from: folder)?.pairing(for: file.absolute)
    }

    /// One pair per percent script among the pairing's files; other formats are named and skipped.
    private mutating func pairs(
        _ pairing: Pairing, of notebook: Location, loaded: (bytes: [UInt8], notebook: Notebook)?, metadata: JSONObject?,
        report: inout SyncReport
    ) throws -> [Pair] {
        guard let files = pairing.files(for: notebook.absolute) else {
            throw SyncError("\(notebook.display) does not fit its pairing '\(pairing)'")
        }
        let folder = PathNames.directory(of: notebook.absolute)
        let gitRoot = SyncState.gitRoot(above: folder)
        var pairs: [Pair] = []
        for file in files where !file.format.isNotebook {
            let script = locate(file.path, like: notebook)
            guard file.format.formatName == "percent" else {
                report.skipped(script.display, format: file.format)
                continue
            }
            if let gitRoot, !script.absolute.hasPrefix(gitRoot + "/") {
                throw SyncError("\(notebook.display): its pairing '\(pairing)' puts the script at \(script.absolute), outside the repository \(gitRoot); pair it with a file inside the repository")
            }
            guard seen.insert(script.absolute).inserted else { continue }
            let language = try Self.language(of: file.format, metadata: metadata, script: script)
            pairs.append(Pair(notebook: notebook, script: script, language: language, root: gitRoot ?? folder,
                              inGit: gitRoot != nil, loaded: loaded))
        }
        return pairs
    }

    static func language(of format: PairingFormat, metadata: JSONObject?, script: Location) throws -> ScriptLanguage {
        if format.fileExtension == ".auto" {
            do { return try ScriptLanguages.scriptLanguage(of: metadata ?? JSONObject()) } catch { throw SyncError("\(script.display): \(error)") }
        }
        guard let language = ScriptLanguages.forExtension(String(format.fileExtension.dropFirst())), language.hasLineComment else {
            throw SyncError("\(script.display): '\(format)' is not a percent script quire can write (py, R, jl, sh, scala, rs, cpp...)")
        }
        return language
    }

    func locate(_ path: String) -> Location {
        let absolute = path.hasPrefix("/") ? path : (currentDirectory == "/" ? "" : currentDirectory) + "/" + path
        return Location(absolute: PathNames.normalized(absolute), display: path)
    }

    /// A file found below a folder the user named, displayed below that name.
    func locate(_ absolute: String, under folder: Location) -> Location {
        let relative = absolute.dropFirst(folder.absolute.count).drop { $0 == "/" }
        let display = folder.display == "." ? String(relative) : folder.display + (folder.display.hasSuffix("/") ? "" : "/") + relative
        return Location(absolute: absolute, display: display)
    }

    /// A paired file, displayed relative to the current folder when below it.
    func locate(_ absolute: String, like sibling: Location) -> Location {
        let normalized = PathNames.normalized(absolute)
        let prefix = currentDirectory == "/" ? "/" : currentDirectory + "/"
        let display = normalized.hasPrefix(prefix) ? String(normalized.dropFirst(prefix.count)) : normalized
        return Location(absolute: normalized, display: display)
    }
}

/// A pair that cannot be found or used; the message names the file and the fix.
struct SyncError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
