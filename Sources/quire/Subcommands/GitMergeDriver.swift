import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire.Git {
    struct MergeDriver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-driver",
            abstract: "git's merge driver for notebooks (run by git as %O %A %B %L %P, not by hand).",
            discussion: """
                Merges %A (ours) and %B (theirs) against %O (their ancestor) cell by cell and writes \
                the result over %A atomically. Exit 0 when clean; 1 when conflicts remain, marked in \
                a valid notebook, so git reports the conflict; on any error %A is left untouched and \
                the exit status is not 0, so git falls back to reporting a conflict.
                """,
            shouldDisplay: false
        )

        @Argument(help: "%O: the common ancestor's version (empty when both sides added the file).")
        var base: String
        @Argument(help: "%A: our version; the result is written here.")
        var current: String
        @Argument(help: "%B: their version.")
        var other: String
        @Argument(help: "%L: conflict marker size (markers are always seven characters wide).")
        var markerSize: String?
        @Argument(help: "%P: the notebook's path in the repository, for messages.")
        var path: String?

        func run() throws {
            try Self.merge(base: base, current: current, other: other, path: path)
        }

        static func merge(base: String, current: String, other: String, path: String?) throws {
            let name = path ?? current
            let result: MergeResult
            do throws(MergeError) {
                result = try NotebookMerge.merge(basePath: base, localPath: current, remotePath: other)
            } catch {
                Console.error("quire: \(name): cannot merge cell by cell: " + error.naming { "\($0.rawValue) version" })
                throw ExitCode(error.exitCode == 0 ? 70 : error.exitCode)
            }
            do throws(NotebookError) {
                try FileIO.writeAtomically(result.bytes, to: current)
            } catch {
                Console.error("quire: \(name): " + error.description)
                throw ExitCode(error.exitCode)
            }
            guard !result.isClean else { return }
            for conflict in result.conflicts { Console.error("\(name): \(conflict)") }
            Console.error("quire: \(name): \(result.conflicts.count) conflict(s) marked in the notebook; `quire conflicts \(name)` lists them")
            throw ExitCode(1)
        }
    }
}
