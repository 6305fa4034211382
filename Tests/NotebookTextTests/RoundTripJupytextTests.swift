import Foundation
import NotebookFormat
import NotebookText
import QuireTestSupport
import Testing

/// quire's reader against jupytext 1.19.6's own: every golden `percent.py` read by both gives the
/// same cells (types, sources, metadata) and notebook metadata. Runs when a Python with jupytext
/// is found (`JUPYTEXT_PYTHON`, `/tmp/jupytextvenv/bin/python` or the repository's `.venv`);
/// prints SKIPPED otherwise.
@Suite("RoundTrip jupytext reader", .serialized)
struct RoundTripJupytextTests {
    static var python: String? {
        var candidates = ["/tmp/jupytextvenv/bin/python", TestPaths.repositoryRoot + "/.venv/bin/python"]
        if let chosen = ProcessInfo.processInfo.environment["JUPYTEXT_PYTHON"] { candidates.insert(chosen, at: 0) }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            let folder = (path as NSString).deletingLastPathComponent
            return FileManager.default.fileExists(atPath: folder + "/jupytext")
        }
    }

    /// Reads every script named in argv[1] (one path a line) with jupytext, as `--to ipynb`
    /// writes it (no text_representation), into argv[2]/<index>.json; failures are skipped.
    static let script = """
        import json, sys, jupytext
        from jupytext.jupytext import drop_text_representation_metadata
        paths = open(sys.argv[1]).read().splitlines()
        for i, path in enumerate(paths):
            try:
                nb = drop_text_representation_metadata(jupytext.read(path, fmt="py:percent"))
            except Exception as error:
                print("jupytext cannot read", path, type(error).__name__)
                continue
            with open(sys.argv[2] + "/" + str(i) + ".json", "w") as out:
                json.dump(nb, out)
        """

    /// Where quire reads differently on purpose (see `PercentReader`), and why.
    static let deliberate: [String: String] = [
        "jupytext/ipynb_go__hello_world_gonb": "GoNB's escaped '%%' in a markdown cell is restored (jupytext leaves '//gonb:%%')",
        "jupytext/ipynb_groovy__tailrecursive-factorial":
            "a '// -*- coding' line in a .py script is read as the header's coding line (jupytext reads it as code)",
    ]

    @Test func quireReadsGoldenScriptsAsJupytextDoes() throws {
        guard let python = Self.python else {
            print("SKIPPED jupytext reader check: no Python with jupytext (set JUPYTEXT_PYTHON, or: python3 -m venv /tmp/jupytextvenv && /tmp/jupytextvenv/bin/pip install jupytext==1.19.6)")
            return
        }
        guard let corpus = TestPaths.corpus(holding: "golden/notebooks") else {
            print("SKIPPED jupytext reader check: ../shared/corpus is absent")
            return
        }
        var names: [String] = []
        for relative in TestPaths.corpusNotebooks(corpus) {
            let name = String(relative.dropLast(".ipynb".count))
            if FileManager.default.fileExists(atPath: corpus + "/golden/notebooks/" + name + "/percent.py") { names.append(name) }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-jupytext-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = names.map { corpus + "/golden/notebooks/" + $0 + "/percent.py" }
        try paths.joined(separator: "\n").write(toFile: folder + "/paths.txt", atomically: true, encoding: .utf8)
        try Self.script.write(toFile: folder + "/read.py", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [folder + "/read.py", folder + "/paths.txt", folder]
        try process.run()
        process.waitUntilExit()

        var compared = 0, same = 0
        var differences: [String] = [], known: [String] = []
        for (i, name) in names.enumerated() {
            guard let bytes = try? FileIO.read(folder + "/\(i).json"), let theirs = try? NotebookReader.read(bytes) else { continue }
            compared += 1
            guard let text = try? FileIO.read(paths[i]) else { continue }
            let ours: Notebook
            do {
                ours = try PercentReader.notebook(from: String(decoding: text, as: UTF8.self), fileExtension: "py")
            } catch {
                differences.append(name + ": \(error)")
                continue
            }
            if let difference = Self.difference(theirs, ours) {
                if let reason = Self.deliberate[name] { known.append(name + ": " + reason) } else { differences.append(name + ": " + difference) }
            } else {
                same += 1
            }
        }
        print("RoundTrip jupytext reader: \(compared) golden scripts jupytext reads, \(same) read the same by quire, \(known.count) deliberate differences, \(differences.count) other differences")
        for line in known { print("  DELIBERATE " + line) }
        for line in differences { print("  DIFF " + line) }
        #expect(compared > 0)
        #expect(differences.isEmpty)
    }

    /// Reads argv[1] (lines "script<TAB>notebook<TAB>out") with jupytext and combines each script
    /// with its notebook as `jupytext --update` does.
    static let combineScript = """
        import json, sys, jupytext, nbformat
        from jupytext.combine import combine_inputs_with_outputs
        from jupytext.jupytext import drop_text_representation_metadata
        for line in open(sys.argv[1]).read().splitlines():
            script, notebook, out = line.split("\\t")
            try:
                nb = nbformat.read(notebook, as_version=4)
                source = jupytext.read(script, fmt="py:percent")
                combined = drop_text_representation_metadata(combine_inputs_with_outputs(source, nb, fmt="py:percent"))
            except Exception as error:
                print("jupytext cannot combine", script, type(error).__name__)
                continue
            with open(out, "w") as stream:
                json.dump(combined, stream)
        """

    /// The golden script edited: `import x` lines changed, the third cell removed.
    static func edited(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.map { $0.hasPrefix("import ") ? "import  " + $0.dropFirst(7) : $0 }
        let markers = lines.indices.filter { lines[$0].hasPrefix("# %%") }
        if markers.count > 3 { lines.removeSubrange(markers[2]..<markers[3]) }
        return lines.joined(separator: "\n")
    }

    @Test func quireUpdatesNotebooksAsJupytextDoes() throws {
        guard let python = Self.python, let corpus = TestPaths.corpus(holding: "golden/notebooks") else {
            print("SKIPPED jupytext update check: no Python with jupytext or no corpus")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-jupytext-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var jobs: [(name: String, script: String, notebook: String, out: String)] = []
        for (i, relative) in TestPaths.corpusNotebooks(corpus).enumerated() {
            let name = String(relative.dropLast(".ipynb".count))
            guard let golden = try? FileIO.read(corpus + "/golden/notebooks/" + name + "/percent.py") else { continue }
            let script = folder + "/\(i).py"
            try Self.edited(String(decoding: golden, as: UTF8.self)).write(toFile: script, atomically: true, encoding: .utf8)
            jobs.append((name, script, corpus + "/notebooks/" + relative, folder + "/\(i).json"))
        }
        try jobs.map { [$0.script, $0.notebook, $0.out].joined(separator: "\t") }.joined(separator: "\n")
            .write(toFile: folder + "/jobs.txt", atomically: true, encoding: .utf8)
        try Self.combineScript.write(toFile: folder + "/combine.py", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [folder + "/combine.py", folder + "/jobs.txt"]
        try process.run()
        process.waitUntilExit()

        var compared = 0, same = 0
        var differences: [String] = [], known: [String] = []
        for job in jobs {
            guard let bytes = try? FileIO.read(job.out), let theirs = try? NotebookReader.read(bytes),
                let existing = try? NotebookReader.read(FileIO.read(job.notebook)).upgradedToV4(),
                let text = try? FileIO.read(job.script)
            else { continue }
            compared += 1
            let ours: Notebook
            do {
                let script = try PercentReader.notebook(from: String(decoding: text, as: UTF8.self), fileExtension: "py")
                ours = NotebookUpdate.updating(existing, from: script)
            } catch {
                differences.append(job.name + ": \(error)")
                continue
            }
            if let difference = Self.updateDifference(theirs, ours) {
                if let reason = Self.deliberate[job.name] { known.append(job.name + ": " + reason) } else { differences.append(job.name + ": " + difference) }
            } else {
                same += 1
            }
        }
        print("RoundTrip jupytext update: \(compared) edited scripts combined by jupytext, \(same) updated the same by quire, \(known.count) deliberate differences, \(differences.count) other differences")
        for line in known { print("  DELIBERATE " + line) }
        for line in differences { print("  DIFF " + line) }
        #expect(compared > 0)
        #expect(differences.isEmpty)
    }

    /// Differences between two updated notebooks: every cell field but ids of cells jupytext
    /// created (random there, derived here), with multi-line strings compared joined.
    static func updateDifference(_ theirs: Notebook, _ ours: Notebook) -> String? {
        func joined(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let items):
                let strings = items.compactMap(\.stringValue)
                if strings.count == items.count { return .string(strings.joined()) }
                return .array(items.map(joined))
            case .object(let object):
                var copy = object
                for entry in object { copy[entry.key] = joined(entry.value) }
                return .object(copy)
            default: return value
            }
        }
        if theirs.metadata != ours.metadata { return "notebook metadata differs" }
        if theirs.minor != ours.minor { return "nbformat_minor \(theirs.minor) vs \(ours.minor)" }
        let a = theirs.cells, b = ours.cells
        if a.count != b.count { return "\(a.count) cells in jupytext, \(b.count) in quire" }
        for (i, (x, y)) in zip(a, b).enumerated() {
            var x = x.json, y = y.json
            if x["id"] != y["id"] {
                // jupytext gives a new cell a random id; quire a derived one.
                guard x["outputs"] == .array([]) || x["outputs"] == nil, y["id"] != nil else {
                    return "cell \(i): id \(String(describing: x["id"])) vs \(String(describing: y["id"]))"
                }
                x["id"] = nil
                y["id"] = nil
            }
            if joined(.object(x)) != joined(.object(y)) { return "cell \(i) differs" }
        }
        return nil
    }

    /// The first difference in cells or metadata; `cell_metadata_filter` compares as a set
    /// (jupytext builds it from a Python set, in no fixed order).
    static func difference(_ theirs: Notebook, _ ours: Notebook) -> String? {
        func normalized(_ metadata: JSONObject) -> JSONObject {
            var metadata = metadata
            if var jupytext = metadata["jupytext"]?.objectValue, let filter = jupytext["cell_metadata_filter"]?.stringValue {
                jupytext["cell_metadata_filter"] = .string(filter.split(separator: ",").sorted().joined(separator: ","))
                metadata["jupytext"] = .object(jupytext)
            }
            return metadata
        }
        if normalized(theirs.metadata) != normalized(ours.metadata) { return "notebook metadata differs" }
        let a = theirs.cells, b = ours.cells
        if a.count != b.count { return "\(a.count) cells in jupytext, \(b.count) in quire" }
        for (i, (x, y)) in zip(a, b).enumerated() {
            if x.cellType != y.cellType { return "cell \(i): \(x.cellType ?? "?") vs \(y.cellType ?? "?")" }
            if x.source != y.source { return "cell \(i): source \(String(reflecting: x.source.prefix(80))) vs \(String(reflecting: y.source.prefix(80)))" }
            if x.metadata != y.metadata { return "cell \(i): metadata differs" }
        }
        return nil
    }
}
