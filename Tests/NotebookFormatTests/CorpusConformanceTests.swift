import Testing

@testable import NotebookFormat

/// Every notebook of ../shared/corpus against the reference tools' golden files:
/// `normalize` must equal nbformat's round trip byte for byte, `clean` must equal nbstripout's
/// output with cell ids ignored, and files the tools rejected must get a clear error.
@Suite struct CorpusConformanceTests {
    struct GoldenCase: CustomTestStringConvertible, Sendable {
        /// `source/file.ipynb` under the corpus's notebooks folder.
        var relative: String
        var corpus: String
        var notebook: String { corpus + "/notebooks/" + relative }
        var golden: String { corpus + "/golden/notebooks/" + String(relative.dropLast(6)) }
        var testDescription: String { relative }
    }

    static func cases() -> [GoldenCase] {
        guard let corpus = Fixtures.corpus else { return [] }
        return Corpus.notebooks(in: corpus).map { GoldenCase(relative: $0, corpus: corpus) }
    }

    static let nondeterministic: Set<String> = {
        guard let corpus = Fixtures.corpus, let text = try? FileIO.read(corpus + "/golden/NONDETERMINISTIC.tsv") else { return [] }
        return Set(String(decoding: text, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            return fields.count == 2 && fields[1] == "roundtrip.ipynb" ? String(fields[0]) : nil
        })
    }()

    @Test func corpusIsPresentOrSkippedLoudly() {
        if Fixtures.corpus == nil {
            print("SKIPPED: ../shared/corpus not found; corpus conformance tests did not run")
        } else {
            print("corpus conformance: comparing \(Self.cases().count) notebooks with the golden files")
        }
    }

    @Test(arguments: cases())
    func normalizeEqualsNbformatRoundTrip(_ test: GoldenCase) throws {
        let input = try FileIO.read(test.notebook)
        let golden = test.golden + "/roundtrip.ipynb"
        guard FileIO.exists(golden) else {
            #expect(throws: NotebookError.self, "nbformat could not read it, so quire must refuse it") {
                try NotebookReader.read(input).upgradedToV4()
            }
            return
        }
        let output = NotebookWriter.bytes(try NotebookReader.read(input).upgradedToV4())
        let expected = try FileIO.read(golden)
        if Self.nondeterministic.contains("notebooks/" + test.relative) {
            #expect(try Corpus.withoutCellIDs(output) == Corpus.withoutCellIDs(expected))
        } else {
            #expect(output == expected, "\(Fixtures.firstDifference(output, expected))")
        }
    }

    @Test(arguments: cases())
    func cleanEqualsNbstripoutIgnoringIDs(_ test: GoldenCase) throws {
        let input = try FileIO.read(test.notebook)
        let golden = test.golden + "/nbstripout.ipynb"
        guard FileIO.exists(golden) else {
            #expect(throws: NotebookError.self, "nbstripout rejected it, so quire must refuse it") {
                try NotebookCleaner.clean(input, options: CleanOptions())
            }
            return
        }
        let output = try NotebookCleaner.clean(input, options: CleanOptions())
        #expect(try Corpus.withoutCellIDs(output) == Corpus.withoutCellIDs(try FileIO.read(golden)))
        #expect(try NotebookCleaner.clean(output, options: CleanOptions()) == output, "cleaning twice changes nothing")
    }
}
