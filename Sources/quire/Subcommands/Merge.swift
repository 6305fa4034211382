import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Three-way merge of notebooks, cell by cell.",
            discussion: """
                Merges the changes LOCAL and REMOTE made to BASE. Changes to different cells merge \
                silently, the same edit made on both sides merges once, cells inserted at the same \
                place are all kept (local's first), a cell moved on one side is merged at its new \
                place, and when both sides edited one cell its source is merged line by line. Outputs and execution counts never conflict: a merged cell \
                gets those of the side whose source wins, or none when both changed it (see \
                --outputs). Metadata merges key by key; nbformat_minor is the largest of the three.

                What truly conflicts stays in a valid notebook: git-style markers in the cell's \
                source (<<<<<<< local, =======, >>>>>>> remote) and an entry under \
                metadata.quire.conflicts of the cell. A cell deleted on one side and edited on the \
                other is kept, with a marker line. The conflicts are listed on stderr; \
                `quire conflicts FILE` lists those left in a file. An empty BASE (git passes one when \
                both branches added the file) means there is none: then every difference conflicts.

                The merged notebook goes to stdout, like nbmerge's; -o writes it to a file and \
                --in-place over LOCAL, as git's merge driver does with %A (both atomically). On an \
                error nothing is written.

                Exit status: 0 merged cleanly; 1 conflicts remain (the notebook is still written); \
                65 an input is not a valid notebook; 66 an input does not exist; 70 internal error.

                Examples:
                  quire merge base.ipynb mine.ipynb theirs.ipynb -o merged.ipynb
                  quire merge --in-place --outputs clear base.ipynb mine.ipynb theirs.ipynb
                """
        )

        @Argument(help: "The common ancestor.")
        var base: String

        @Argument(help: "One side: ours, git's %A.")
        var local: String

        @Argument(help: "The other side: theirs, git's %B.")
        var remote: String

        @Option(name: [.short, .customLong("output")], help: "Write the merged notebook to this file instead of stdout.")
        var output: String?

        @Flag(name: .customLong("in-place"), help: "Write the merged notebook over LOCAL.")
        var inPlace = false

        @OptionGroup var flags: MergeFlags

        func validate() throws {
            if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        }

        func run() throws {
            let paths: [MergeError.Side: String] = [.base: base, .local: local, .remote: remote]
            let result: MergeResult
            do throws(MergeError) {
                result = try NotebookMerge.merge(basePath: base, localPath: local, remotePath: remote, options: flags.options)
            } catch {
                Console.error("quire: " + error.naming { paths[$0] ?? $0.rawValue })
                throw ExitCode(error.exitCode)
            }
            let target = inPlace ? local : output
            try MergeFlags.write(result.bytes, to: target)
            try MergeFlags.report(result.conflicts, in: target ?? "<stdout>")
        }
    }
}

/// Options shared by `merge` and `resolve`.
struct MergeFlags: ParsableArguments {
    enum Outputs: String, ExpressibleByArgument, CaseIterable {
        case auto, local, remote, clear
    }

    @Option(help: "Outputs and execution counts of merged cells: auto (those of the side whose source wins, none when unsure), local, remote or clear.")
    var outputs: Outputs = .auto

    @Flag(help: "Show the base lines in source conflicts too, between ||||||| base and ======= (git's diff3 style).")
    var diff3 = false

    var options: MergeOptions {
        MergeOptions(outputs: MergeOptions.Outputs(rawValue: outputs.rawValue) ?? .auto, showBase: diff3)
    }

    /// A file's bytes; a failure is reported and ends the command with its exit code.
    static func read(_ path: String) throws -> [UInt8] {
        do throws(NotebookError) {
            return try FileIO.read(path)
        } catch {
            Console.error("quire: " + error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Writes atomically to `path`, or to stdout when it is nil.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        do throws(NotebookError) {
            if let path { try FileIO.writeAtomically(bytes, to: path) } else { try FileIO.writeStandardOutput(bytes) }
        } catch {
            Console.error("quire: " + error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Lists the conflicts on stderr, one a line, and exits 1 when there are any.
    static func report(_ conflicts: [MergeConflict], in target: String) throws {
        guard !conflicts.isEmpty else { return }
        for conflict in conflicts { Console.error(conflict.description) }
        let count = conflicts.count == 1 ? "1 conflict" : "\(conflicts.count) conflicts"
        Console.error("quire: \(count) left in \(target), marked in the cells and in metadata.quire.conflicts")
        throw ExitCode(1)
    }
}
