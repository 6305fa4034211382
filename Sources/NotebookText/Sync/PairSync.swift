import NotebookDiff
import NotebookFormat

/// Decides how to bring a notebook and its percent script into step, from their contents and
/// the script text of their last sync (the *base*). Pure: the caller reads and writes the files.
///
/// The rule that never drops an edit: a side equal to the base did not change, so the other
/// side wins; when both changed, the notebook merges three ways (`NotebookMerge`) and a
/// conflict means nothing is written.
public struct PairSync {
    public var notebookPath: String
    public var scriptPath: String
    /// The script's language: its extension (`.py`) gives the comment syntax.
    public var script: ScriptLanguage

    public init(notebookPath: String, scriptPath: String, script: ScriptLanguage) {
        self.notebookPath = notebookPath
        self.scriptPath = scriptPath
        self.script = script
    }

    /// Which side changed since the last sync.
    public enum Change: String, Sendable {
        case none, notebook, script, both
        /// One file is missing: it is made from the other.
        case missingNotebook = "missing notebook", missingScript = "missing script"
    }

    /// What to write; `text` is the script text of the synced pair (the next base).
    public struct Outcome: Sendable {
        public var change: Change
        public var notebook: [UInt8]?
        public var script: String?
        public var text: String
    }

    /// Why a pair cannot be synced; nothing is written.
    public enum Refusal: Error, Sendable {
        /// Both files changed and the merge has conflicts.
        case conflicts([MergeConflict])
        /// The files differ and there is no record of their last sync to tell which changed.
        case noBase
    }

    /// The outcome for the current contents (nil: the file is missing) and the base. The
    /// notebook comes as its file's bytes and as read (`readNotebook`). `notebookMatchesBase`
    /// says the notebook is known not to have changed since the base was recorded, which spares
    /// writing it as a script to find out.
    public func sync(
        notebook file: (bytes: [UInt8], notebook: Notebook)?, script text: String?, base: String?, notebookMatchesBase: Bool = false
    ) throws -> Result<Outcome, Refusal> {
        guard let (bytes, notebook) = file else {
            guard let text else { throw NotebookError(.missingFile, "no such file", file: notebookPath) }
            return .success(try creatingNotebook(from: text))
        }
        guard let text else {
            let current = try render(notebook)
            return .success(Outcome(change: .missingScript, notebook: nil, script: current, text: current))
        }
        if notebookMatchesBase, let base {
            if text == base { return .success(Outcome(change: .none, notebook: nil, script: nil, text: text)) }
            return .success(try takingScript(text, into: notebook, original: bytes))
        }
        let current = try render(notebook)
        if current == text { return .success(Outcome(change: .none, notebook: nil, script: nil, text: text)) }
        guard let base else { return .failure(.noBase) }
        if current == base { return .success(try takingScript(text, into: notebook, original: bytes)) }
        if text == base { return .success(Outcome(change: .notebook, notebook: nil, script: current, text: current)) }
        return try merging(notebook: notebook, script: text, base: base)
    }

    /// A notebook made from its script alone; the script is rewritten when it does not read
    /// back as the same text.
    func creatingNotebook(from text: String) throws -> Outcome {
        let notebook = try readScript(text)
        let rendered = try render(notebook)
        return Outcome(change: .missingNotebook, notebook: NotebookWriter.bytes(notebook), script: rendered == text ? nil : rendered, text: rendered)
    }

    /// The pair made from one side, as `--use notebook|script` asks: the other side is replaced.
    public func taking(_ side: Change, notebook file: (bytes: [UInt8], notebook: Notebook), script text: String) throws -> Outcome {
        let (bytes, notebook) = file
        if side == .notebook {
            let current = try render(notebook)
            return Outcome(change: .notebook, notebook: nil, script: current == text ? nil : current, text: current)
        }
        return try takingScript(text, into: notebook, original: bytes)
    }

    /// The notebook updated from the script (outputs kept for matching cells); the script is
    /// rewritten too when it does not read back as the same text (as jupytext rewrites it).
    func takingScript(_ text: String, into notebook: Notebook, original: [UInt8]) throws -> Outcome {
        let updated = NotebookUpdate.updating(notebook, from: try readScript(text))
        let bytes = NotebookWriter.bytes(updated)
        let rendered = try render(updated)
        return Outcome(change: .script, notebook: bytes == original ? nil : bytes,
                       script: rendered == text ? nil : rendered, text: rendered)
    }

    /// Both changed: base, notebook and script-as-notebook merged cell by cell. The base and
    /// the script take the notebook's ids and outputs for the cells that match, so the three
    /// versions align by id.
    func merging(notebook: Notebook, script: String, base: String) throws -> Result<Outcome, Refusal> {
        let remote = NotebookUpdate.updating(notebook, from: try readScript(script))
        let ancestor = NotebookUpdate.updating(notebook, from: try readScript(base))
        let result = try NotebookMerge.merge(base: ancestor, local: notebook, remote: remote)
        guard result.conflicts.isEmpty else { return .failure(.conflicts(result.conflicts)) }
        let text = try render(result.notebook)
        return .success(Outcome(change: .both, notebook: result.bytes, script: text == script ? nil : text, text: text))
    }

    /// The script text of a notebook, with its pairing kept in the header.
    public func render(_ notebook: Notebook) throws -> String {
        do { try PercentWriter.checkConvertible(notebook) } catch { throw error.inFile(notebookPath) }
        let options = try PercentWriterOptions(notebook: notebook, script: script)
        return PercentWriter.text(of: notebook, options: options)
    }

    public func readNotebook(_ bytes: [UInt8]) throws -> Notebook {
        do { return try NotebookReader.read(bytes) } catch { throw error.inFile(notebookPath) }
    }

    public func readScript(_ text: String) throws -> Notebook {
        do {
            return try PercentReader.notebook(from: text, fileExtension: script.fileExtension)
        } catch let error as PercentReaderError {
            throw error.inFile(scriptPath)
        }
    }
}
