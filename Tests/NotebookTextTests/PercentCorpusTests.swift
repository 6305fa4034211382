import NotebookFormat
import NotebookText
import QuireTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Conformance: for every corpus notebook with a golden `percent.py` (made by
/// `jupytext --to py:percent` 1.19.6), quire's script equals it byte for byte once the golden's
/// `jupytext_version:` line is removed.
@Suite("PercentCorpus conformance")
struct PercentCorpusTests {
    /// Golden files quire does not reproduce yet, with the reason.
    static let knownFailures: [String: String] = [:]

    static func goldenWithoutVersion(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#       jupytext_version: ") }
            .joined(separator: "\n")
    }

    static func readText(_ path: String) -> String? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyGoldenPercentScriptIsReproduced() throws {
        guard let corpus = TestPaths.corpus(holding: "golden/notebooks") else {
            print("PercentCorpus: SKIPPED (../shared/corpus is absent)")
            return
        }
        var compared = 0, identical = 0
        var failures: [String] = [], known: [String] = []
        let dump = getenv("QUIRE_PERCENT_DUMP").map { String(cString: $0) }
        for relative in TestPaths.corpusNotebooks(corpus) {
            let name = String(relative.dropLast(".ipynb".count))
            guard let golden = Self.readText(corpus + "/golden/notebooks/" + name + "/percent.py") else { continue }
            compared += 1
            let expected = Self.goldenWithoutVersion(golden)
            var actual = "<error>"
            if let bytes = try? FileIO.read(corpus + "/notebooks/" + relative),
                let notebook = try? NotebookReader.read(bytes),
                // `-o -` is never one of the paired files, so jupytext drops `jupytext.formats`
                let text = try? PercentWriter.text(of: PercentWriter.withoutPairing(notebook))
            {
                actual = text
            }
            if actual == expected {
                identical += 1
            } else if let reason = Self.knownFailures[name] {
                known.append("\(name): \(reason)")
            } else {
                failures.append(name)
                if let dump {
                    let file = dump + "/" + name.replacingSlashes + ".py"
                    try? FileIO.writeAtomically(Array(actual.utf8), to: file)
                    try? FileIO.writeAtomically(Array(expected.utf8), to: file + ".golden")
                }
            }
        }
        print("PercentCorpus: \(identical) of \(compared) golden percent scripts byte-identical; known failures \(known.count)")
        for line in known { print("  known: \(line)") }
        for name in failures { print("  FAILED: \(name)") }
        #expect(failures.isEmpty, "\(failures.count) golden percent scripts differ: \(failures.joined(separator: ", "))")
    }
}

extension PercentCorpusTests {
    /// Where jupytext failed (`golden/TOOL-ERRORS.tsv`), quire refuses too (not with the same message).
    @Test func notebooksJupytextRefusesAreRefused() throws {
        guard let corpus = TestPaths.corpus(holding: "golden/notebooks"),
            let table = Self.readText(corpus + "/golden/TOOL-ERRORS.tsv")
        else {
            print("PercentCorpus refusals: SKIPPED (../shared/corpus is absent)")
            return
        }
        var refused = 0, accepted: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[1] == "percent.py" else { continue }
            let path = String(fields[0])
            let converted = (try? FileIO.read(corpus + "/" + path))
                .flatMap { try? NotebookReader.read($0) }
                .flatMap { try? PercentWriter.text(of: $0) }
            if converted == nil { refused += 1 } else { accepted.append(path) }
        }
        print("PercentCorpus: \(refused) of \(refused + accepted.count) notebooks jupytext refuses are refused")
        #expect(accepted.isEmpty, "converted although jupytext refuses them: \(accepted)")
    }
}

extension String {
    fileprivate var replacingSlashes: String { String(map { $0 == "/" ? "_" : $0 }) }
}
