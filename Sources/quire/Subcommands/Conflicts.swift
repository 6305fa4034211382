import ArgumentParser
import NotebookDiff
import NotebookFormat

extension Quire {
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the merge conflicts left in notebooks.",
            discussion: """
                Lists what `quire merge` and `quire resolve` marked: the entries under \
                metadata.quire.conflicts (of the notebook and of each cell) and git-style markers \
                in cell sources, one per line as 'cell 7 (id abc123): both sides edited the \
                source' (cells count from 1). A conflict about a cell's text is resolved once its \
                markers are gone from the source; one about metadata, once its entry is removed. \
                A file that git's own line merge left with markers is reported too (repair it \
                with `quire resolve`).

                Exit status: 0 no conflicts; 1 conflicts remain; 65 a file is not a notebook; 66 a \
                file does not exist.

                Examples:
                  quire conflicts merged.ipynb
                  quire conflicts --json notebooks/*.ipynb
                """
        )

        @Flag(help: "Print one JSON list: {file, cell, id, kind, key, message} per conflict (cell counts from 1; null for notebook metadata and git markers).")
        var json = false

        @Argument(help: "Notebook files.")
        var files: [String]

        func run() throws {
            var found = false
            var failure: Int32?
            var list: [JSONValue] = []
            for file in files {
                let prefix = files.count > 1 ? file + ": " : ""
                do throws(NotebookError) {
                    let notebook = try NotebookReader.read(try FileIO.read(file))
                    let conflicts = ConflictScan.conflicts(in: notebook)
                    for conflict in conflicts {
                        if json { list.append(Self.json(conflict, file: file)) } else { Console.output(prefix + conflict.description) }
                    }
                    found = found || !conflicts.isEmpty
                } catch where error.kind == .conflictMarkers {
                    if json {
                        list.append(.object(JSONObject([
                            "file": .string(file), "cell": .null, "id": .null, "kind": .string("git-markers"), "key": .null,
                            "message": .string(error.message),
                        ])))
                    } else {
                        Console.output(error.inFile(file).description)
                    }
                    found = true
                } catch {
                    Console.error("quire: " + error.inFile(file).description)
                    failure = failure ?? error.exitCode
                }
            }
            if json { Console.output(JSONWriter(indent: 2, sortKeys: false).string(.array(list))) }
            if let failure { throw ExitCode(failure) }
            if found { throw ExitCode(1) }
        }

        static func json(_ conflict: MergeConflict, file: String) -> JSONValue {
            .object(JSONObject([
                "file": .string(file),
                "cell": conflict.cellIndex.map { .int($0 + 1) } ?? .null,
                "id": conflict.cellID.map(JSONValue.string) ?? .null,
                "kind": .string(conflict.kind.rawValue),
                "key": conflict.key.map(JSONValue.string) ?? .null,
                "message": .string(conflict.message),
            ]))
        }
    }
}
