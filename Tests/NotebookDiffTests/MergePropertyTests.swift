import Foundation
import NotebookFormat
import Testing

@testable import NotebookDiff

/// The merge's promises, over real notebooks with random edits: a change merged with an
/// unchanged side comes back exactly, the same change on both sides merges once, every result
/// validates, and no line either side added goes missing.
struct MergePropertyTests {
    typealias F = MergeFixture

    /// Corpus notebooks of moderate size (every few, for time), or a small notebook without it.
    static func notebooks() throws -> [(String, Notebook)] {
        guard let corpus = F.corpus else {
            let bytes = F.notebook([F.markdown("m", "# T"), F.code("a", "x = 1\ny = 2", outputs: ["1\n"], count: 1), F.code("b", "print(x)")])
            return [("fixture", try F.read(bytes))]
        }
        var result: [(String, Notebook)] = []
        var n = 0
        for source in F.entries(of: corpus + "/notebooks") {
            for file in F.entries(of: corpus + "/notebooks/" + source) where file.hasSuffix(".ipynb") {
                n += 1
                guard n % 3 == 0, let bytes = try? FileIO.read(corpus + "/notebooks/" + source + "/" + file),
                      bytes.count < 300_000, let notebook = try? NotebookReader.read(bytes).upgradedToV4(),
                      (try? NotebookValidator.validate(.object(notebook.json)).isValid) == true else { continue }
                result.append((source + "/" + file, notebook))
            }
        }
        return result
    }

    @Test func aChangeMergedWithNoChangeComesBackExactly() throws {
        let notebooks = try Self.notebooks()
        #expect(F.corpus == nil || notebooks.count > 30)
        for (seed, (name, notebook)) in (notebooks + notebooks).enumerated() {
            let base = NotebookWriter.bytes(notebook)
            var edits = MergeRandomEdits(seed: UInt64(seed), label: "x")
            let x = NotebookWriter.bytes(edits.edited(notebook, edits: 1 + seed % 5))
            let expected = try F.canonical(x)
            #expect(try F.merge(base, x, base).bytes == expected, "merge(base, x, base) for \(name)")
            #expect(try F.merge(base, base, x).bytes == expected, "merge(base, base, x) for \(name)")
            #expect(try F.merge(base, x, x).bytes == expected, "merge(base, x, x) for \(name)")
        }
    }

    @Test func independentChangesMergeToAValidNotebookThatKeepsEveryAddedLine() throws {
        let notebooks = try Self.notebooks()
        let rounds = Int(ProcessInfo.processInfo.environment["QUIRE_MERGE_ROUNDS"] ?? "") ?? 2
        for (seed, (name, notebook)) in Array(repeating: notebooks, count: rounds).joined().enumerated() {
            let base = NotebookWriter.bytes(notebook)
            var localEdits = MergeRandomEdits(seed: UInt64(1000 + seed), label: "l")
            var remoteEdits = MergeRandomEdits(seed: UInt64(2000 + seed), label: "r")
            let local = NotebookWriter.bytes(localEdits.edited(notebook, edits: 1 + seed % 4))
            let remote = NotebookWriter.bytes(remoteEdits.edited(notebook, edits: 1 + (seed / 2) % 4))
            for options in [MergeOptions(), MergeOptions(outputs: .clear, showBase: true)] {
                let result = try F.merge(base, local, remote, options: options)
                #expect(F.isValid(result.bytes), "\(name)")
                let merged = Set(result.notebook.cells.flatMap { $0.source.pythonSplitLines() }.map(Self.trimmed))
                for side in [local, remote] {
                    for line in try F.read(side).cells.flatMap({ $0.source.pythonSplitLines() }) where line.contains("edit_") || line.contains("inserted_") {
                        #expect(merged.contains(Self.trimmed(line)), "\(name): lost \(line)")
                    }
                }
            }
        }
    }

    /// A line without its line break: the last line of a source has none.
    static func trimmed(_ line: String) -> String {
        line.pythonSplitLines(keepEnds: false).first ?? line
    }
}
