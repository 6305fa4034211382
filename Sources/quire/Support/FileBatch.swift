import ArgumentParser
import NotebookFormat

/// Runs one command over many files: `-` means stdin to stdout, errors are reported and the
/// other files still processed, and the exit code says what happened (DESIGN.md).
struct FileBatch {
    enum Outcome {
        case unchanged
        /// The file needs rewriting; the bytes are its new content.
        case changed([UInt8])
    }

    var check: Bool
    /// What `--check` prints for a file that would change.
    var checkMessage: String
    private(set) var firstErrorCode: Int32?
    private(set) var dirtyCount = 0

    init(check: Bool, checkMessage: String) {
        self.check = check
        self.checkMessage = checkMessage
    }

    /// Applies `transform` to every file (in place, atomically) or to stdin.
    mutating func run(_ files: [String], _ transform: ([UInt8]) throws(NotebookError) -> Outcome) throws {
        for file in files {
            do throws(NotebookError) {
                try process(file, transform)
            } catch {
                Console.error("quire: " + error.description)
                if firstErrorCode == nil { firstErrorCode = error.exitCode }
            }
        }
        if let firstErrorCode { throw ExitCode(firstErrorCode) }
        if check && dirtyCount > 0 { throw ExitCode(1) }
    }

    private mutating func process(_ file: String, _ transform: ([UInt8]) throws(NotebookError) -> Outcome) throws(NotebookError) {
        if file == "-" {
            let input = try FileIO.readStandardInput()
            let outcome = try transform(input)
            if check {
                if case .changed = outcome {
                    dirtyCount += 1
                    Console.output("<stdin>: \(checkMessage)")
                }
                return
            }
            switch outcome {
            case .unchanged: try FileIO.writeStandardOutput(input)
            case .changed(let bytes): try FileIO.writeStandardOutput(bytes)
            }
            return
        }
        let input = try FileIO.read(file)
        let outcome: Outcome
        do throws(NotebookError) {
            outcome = try transform(input)
        } catch {
            throw error.inFile(file)
        }
        guard case .changed(let bytes) = outcome else { return }
        dirtyCount += 1
        if check {
            Console.output("\(file): \(checkMessage)")
        } else {
            try FileIO.writeAtomically(bytes, to: file)
        }
    }
}
