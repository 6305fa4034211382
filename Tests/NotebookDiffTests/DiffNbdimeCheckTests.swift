import Foundation
import NotebookFormat
import Testing

@testable import NotebookDiff

/// quire's nbdime-format diffs checked by nbdime 4.0.4 itself: applying each diff with
/// `nbdime.patch` to A must give exactly B. Runs when a Python with nbdime is found
/// (`NBDIME_PYTHON`, `/tmp/nbdimevenv/bin/python` or the repository's `.venv`); prints SKIPPED
/// otherwise. Pairs: nbdime's own test notebooks, the corpus merges (base→local, base→remote),
/// every corpus notebook against its cleaned self and against a structural edit of itself.
@Suite(.serialized) struct DiffNbdimeCheckTests {
    static var python: String? {
        var candidates = ["/tmp/nbdimevenv/bin/python", DiffFixtures.repositoryRoot + "/.venv/bin/python"]
        if let chosen = ProcessInfo.processInfo.environment["NBDIME_PYTHON"] { candidates.insert(chosen, at: 0) }
        return candidates.first { path in
            let folder = (path as NSString).deletingLastPathComponent
            return FileManager.default.isExecutableFile(atPath: path) && FileManager.default.fileExists(atPath: folder + "/nbdiff")
        }
    }

    struct Pair {
        var name: String
        var old: Notebook
        var new: Notebook
        var compare: Bool
    }

    @Test func nbdimeAppliesQuireDiffs() throws {
        guard let python = Self.python else {
            print("SKIPPED nbdime check: no Python with nbdime (set NBDIME_PYTHON, or: python3 -m venv /tmp/nbdimevenv && /tmp/nbdimevenv/bin/pip install nbdime==4.0.4)")
            return
        }
        let pairs = Self.handWrittenPairs() + (DiffFixtures.corpus.map(Self.corpusPairs) ?? [])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-nbdime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var manifest: [JSONValue] = []
        for (i, pair) in pairs.enumerated() {
            let paths = ["a", "b", "diff"].map { "\(folder)/\(i)-\($0).json" }
            let diff = NotebookDiff(old: pair.old, new: pair.new)
            try write(.object(pair.old.json), paths[0])
            try write(.object(pair.new.json), paths[1])
            try write(.array(diff.nbdimeDiff), paths[2])
            var entry = JSONObject()
            entry["name"] = .string(pair.name)
            entry["a"] = .string(paths[0])
            entry["b"] = .string(paths[1])
            entry["diff"] = .string(paths[2])
            entry["compare"] = .bool(pair.compare)
            manifest.append(.object(entry))
        }
        try write(.array(manifest), folder + "/manifest.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [DiffFixtures.folder + "/nbdime_patch_check.py", folder + "/manifest.json"]
        let output = FileManager.default.createFile(atPath: folder + "/out.txt", contents: nil)
        #expect(output)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out.txt"))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let report = (try? String(contentsOfFile: folder + "/out.txt", encoding: .utf8)) ?? ""
        print("RAN nbdime check with \(python):\n" + report)
        #expect(process.terminationStatus == 0, "nbdime could not apply some diffs:\n\(report)")
    }

    private func write(_ value: JSONValue, _ path: String) throws {
        try Data(JSONWriter(indent: nil, sortKeys: false).bytes(value)).write(to: URL(fileURLWithPath: path))
    }

    static func handWrittenPairs() -> [Pair] {
        let base = DiffModelTests.base
        var pairs: [Pair] = []
        func add(_ name: String, _ transform: (inout [JSONObject]) -> Void) {
            pairs.append(Pair(name: name, old: base, new: DiffModelTests.edited(transform), compare: true))
        }
        add("source") { $0[1]["source"] = NB.lines("import numpy as np\nx = 2\nprint(x)\nprint(x)") }
        add("insert") { $0.insert(NB.code("z = 3", id: "new"), at: 2) }
        add("insert at end") { $0.append(NB.markdown("end", id: "end")) }
        add("delete") { $0.remove(at: 0) }
        add("move") { cells in cells.append(cells.remove(at: 0)) }
        add("outputs") { cells in
            cells[1]["outputs"] = .array([.object(NB.stream("2\n")), .object(NB.error("ValueError", "bad"))])
            cells[3]["outputs"] = .array([.object(NB.image(bytes: 4000, fill: "C"))])
        }
        add("metadata and ids") { cells in
            cells[3]["metadata"] = NB.json(#"{"tags": ["a", "b"], "scrolled": true}"#)
            cells[2]["id"] = .string("renamed")
            cells[0]["id"] = nil
        }
        add("cell type") { cells in
            cells[0]["cell_type"] = .string("code")
            cells[0]["outputs"] = .array([])
            cells[0]["execution_count"] = .null
            cells[2] = NB.markdown("y = 2", id: "c2")
        }
        add("everything") { cells in
            cells.removeAll()
            cells.append(NB.code("new()", count: 1, outputs: [NB.result("1")]))
        }
        return pairs
    }

    static func corpusPairs(_ corpus: String) -> [Pair] {
        var pairs: [Pair] = []
        let nbdimeFolder = corpus + "/notebooks/nbdime/"
        let nbdimeFiles = DiffFixtures.entries(nbdimeFolder).filter { $0.hasSuffix(".ipynb") }
        var groups: [String: [String]] = [:]
        for file in nbdimeFiles {
            let stem = String(file.dropLast(6))
            let group = stem.components(separatedBy: "--").first ?? stem
            groups[group, default: []].append(file)
        }
        for (_, files) in groups.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            let sorted = files.sorted()
            for other in sorted.dropFirst() {
                if let a = try? DiffFixtures.read(nbdimeFolder + sorted[0]), let b = try? DiffFixtures.read(nbdimeFolder + other) {
                    pairs.append(Pair(name: "nbdime/\(sorted[0]) → \(other)", old: a, new: b, compare: true))
                }
            }
        }
        for merge in DiffFixtures.entries(corpus + "/merges") {
            let folder = corpus + "/merges/" + merge + "/"
            guard let base = try? DiffFixtures.read(folder + "base.ipynb") else { continue }
            for side in ["local", "remote"] {
                if let other = try? DiffFixtures.read(folder + side + ".ipynb") {
                    pairs.append(Pair(name: "merges/\(merge) base → \(side)", old: base, new: other, compare: merge.hasPrefix("nbdime")))
                }
            }
        }
        for relative in DiffFixtures.corpusNotebooks(corpus) {
            guard let notebook = try? DiffFixtures.read(corpus + "/notebooks/" + relative) else { continue }
            var cleaned = notebook
            if (try? NotebookCleaner.clean(&cleaned, options: CleanOptions())) != nil {
                pairs.append(Pair(name: relative + " → cleaned", old: notebook, new: cleaned, compare: false))
            }
            pairs.append(Pair(name: relative + " → edited", old: notebook, new: Self.structuralEdit(notebook), compare: false))
        }
        return pairs
    }

    /// Deletes the second cell, inserts a new one, edits a source, swaps two cells.
    static func structuralEdit(_ notebook: Notebook) -> Notebook {
        var edited = notebook
        edited.updateCells { cells in
            if cells.count > 1 { cells.remove(at: 1) }
            cells.insert(Cell(NB.code("inserted = True", id: "quire-inserted")), at: min(2, cells.count))
            if cells.count > 3 { cells[3].json["source"] = .string(cells[3].source + "\n# edited") }
            if cells.count > 5 { cells.swapAt(4, 5) }
        }
        return edited
    }
}
