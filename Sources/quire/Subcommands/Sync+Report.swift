import ArgumentParser
import NotebookDiff
import NotebookFormat
import NotebookText

/// What `quire sync` says about each pair, and its exit status.
struct SyncReport {
    var check: Bool
    var quiet: Bool
    private(set) var outOfStep = 0
    private(set) var firstErrorCode: Int32?

    init(check: Bool, quiet: Bool) {
        self.check = check
        self.quiet = quiet
    }

    mutating func checked(_ pair: PairFinder.Pair, _ change: PairSync.Change) {
        guard change != .none else { return }
        outOfStep += 1
        let why: String
        switch change {
        case .notebook: why = "the notebook changed since the last sync"
        case .script: why = "the script changed since the last sync"
        case .both: why = "both changed since the last sync"
        case .missingNotebook: why = "the notebook is missing"
        case .missingScript: why = "the script is missing"
        case .none: why = ""
        }
        Console.output("\(pair.notebook.display) and \(pair.script.display) are out of step: \(why)")
    }

    func synced(_ pair: PairFinder.Pair, _ outcome: PairSync.Outcome) {
        guard !quiet, outcome.notebook != nil || outcome.script != nil else { return }
        let nb = pair.notebook.display, py = pair.script.display
        switch outcome.change {
        case .notebook: Console.output("\(py): updated from \(nb)")
        case .script: Console.output("\(nb): updated from \(py)" + (outcome.script != nil ? " (\(py) rewritten in canonical form)" : ""))
        case .both: Console.output("\(nb), \(py): merged the edits made to each since the last sync")
        case .missingNotebook: Console.output("\(nb): created from \(py)")
        case .missingScript: Console.output("\(py): created from \(nb)")
        case .none: break
        }
    }

    /// A pair left as it was: both sides changed the same lines, or nothing tells which changed.
    mutating func refused(_ pair: PairFinder.Pair, _ refusal: PairSync.Refusal) {
        outOfStep += 1
        let nb = pair.notebook.display, py = pair.script.display
        var lines: [String]
        switch refusal {
        case .conflicts(let conflicts):
            lines = ["quire: \(nb) and \(py) both changed since the last sync, in the same places; nothing was written:"]
            lines += conflicts.map { "  " + Self.place($0) + ": " + $0.message }
            lines.append("Edit one file so that the two agree and run quire sync again, or keep one side: quire sync --use notebook|script \(nb)")
        case .noBase:
            lines = [
                "quire: \(nb) and \(py) differ, and quire has no record of their last sync to tell which one changed; nothing was written.",
                "Keep one side: quire sync --use notebook \(nb)   or   quire sync --use script \(nb)",
            ]
        }
        Console.error(lines.joined(separator: "\n"))
    }

    static func place(_ conflict: MergeConflict) -> String {
        guard let index = conflict.cellIndex else { return "notebook metadata" }
        return "cell \(index + 1)" + (conflict.cellID.map { " (id \($0))" } ?? "")
    }

    func skipped(_ path: String, format: PairingFormat) {
        let hint = format.formatName == nil ? " (jupytext's default for it is the light format); pair it as \(format):percent" : ""
        Console.error("quire: \(path) is paired as '\(format)'; quire syncs percent scripts only, so it was left as it is\(hint)")
    }

    mutating func failed(_ error: any Error) {
        let code: Int32
        switch error {
        case let error as NotebookError: code = error.exitCode
        case let error as PercentReaderError: code = error.exitCode
        case is ConfigurationError: code = 64
        default: code = 65
        }
        Console.error("quire: \(error)")
        if firstErrorCode == nil { firstErrorCode = code }
    }

    func finish() throws {
        if let firstErrorCode { throw ExitCode(firstErrorCode) }
        if outOfStep > 0 { throw ExitCode(1) }
    }
}
