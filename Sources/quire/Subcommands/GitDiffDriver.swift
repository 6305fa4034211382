import ArgumentParser
import GitIntegration
import NotebookDiff
import NotebookFormat

#if canImport(Glibc)
import Glibc
#endif

extension Quire.Git {
    struct DiffDriver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff-driver",
            abstract: "git's external diff for notebooks (run by git, not by hand).",
            discussion: """
                git runs it as `path old-file old-hex old-mode new-file new-hex new-mode`. Both \
                sides are cleaned with the settings the clean filter uses, so `git diff` shows what \
                would be committed, then compared cell by cell as `quire diff` does. A side that is \
                not a readable notebook is reported and skipped; the exit status is always 0, since \
                git stops on any other.
                """,
            shouldDisplay: false
        )

        @Argument(help: "What git passes: path old-file old-hex old-mode new-file new-hex new-mode.")
        var arguments: [String]

        func run() throws {
            Self.show(arguments)
        }

        static func show(_ arguments: [String]) {
            guard arguments.count >= 7 else {
                // An unmerged path comes with its name only: nothing to compare yet.
                if let path = arguments.first { Console.output("* Unmerged path \(path)") }
                return
            }
            let path = arguments[0]
            let filter = NotebookFilter(options: CleanConfiguration.forGitFilter())
            let pool = StringPool()
            func side(_ file: String) -> Notebook? {
                if file == "/dev/null" { return Notebook.empty }
                do throws(NotebookError) {
                    let cleaned = filter.clean(try FileIO.read(file), path: path).output
                    return try NotebookReader.read(cleaned, pool: pool).upgradedToV4()
                } catch {
                    Console.error("quire: \(path): cannot compare cell by cell: \(error.message)")
                    return nil
                }
            }
            guard let old = side(arguments[1]), let new = side(arguments[4]) else { return }
            let diff = NotebookDiff(old: old, new: new, options: DiffOptions())
            guard !diff.isEmpty else { return }
            let renderer = DiffRenderer(color: usesColor(), context: 3)
            let text = renderer.render(diff, oldName: "a/" + path, newName: "b/" + path, notes: [])
            _ = FileIO.writeAll(Array(text.utf8), to: 1)
        }

        /// Colour on a terminal, or through git's pager (`less -R`), unless NO_COLOR is set.
        static func usesColor() -> Bool {
            if getenv("NO_COLOR") != nil { return false }
            if isatty(1) != 0 { return true }
            return getenv("GIT_PAGER_IN_USE").map { String(cString: $0) == "true" } ?? false
        }
    }
}

extension Notebook {
    /// A notebook without cells, for the missing side of an added or deleted file.
    static var empty: Notebook {
        Notebook(json: JSONObject([
            "cells": .array([]), "metadata": .object(JSONObject()), "nbformat": .int(4), "nbformat_minor": .int(5),
        ]))
    }
}
