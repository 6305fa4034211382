import Testing

@testable import NotebookFormat

/// Every notebook of `../shared/corpus` against `golden/.../valid.txt`, which holds what
/// `nbformat.validate(nbformat.reads(text, as_version=NO_CONVERT))` said: `valid`, the message of
/// the error it raised, or `unreadable: ...` when nbformat could not read the file.
@Suite struct ValidationCorpusTests {
    enum Verdict: String {
        case valid, invalid, unreadable
    }

    @Test func verdictsAgreeWithNbformat() throws {
        guard let corpus = Fixtures.corpus else {
            print("SKIPPED: ../shared/corpus not found; the validation corpus tests did not run")
            return
        }
        var compared = 0
        var agreeing = 0
        var invalid = 0
        var exactMessages = 0
        for relative in Corpus.notebooks(in: corpus) {
            let goldenPath = corpus + "/golden/notebooks/" + relative.dropLast(".ipynb".count) + "/valid.txt"
            guard let golden = try? FileIO.read(goldenPath) else { continue }
            let expected = String(decoding: golden, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            let isUnreadable = expected.hasPrefix("unreadable:") || expected.hasPrefix("validate raised")
            let expectedVerdict: Verdict = expected == "valid" ? .valid : isUnreadable ? .unreadable : .invalid
            let (verdict, message) = Self.verdict(of: corpus + "/notebooks/" + relative)
            compared += 1
            if verdict == expectedVerdict {
                agreeing += 1
            } else {
                Issue.record(
                    "\(relative): nbformat says \(expectedVerdict) (\(expected.prefix(200))), quire says \(verdict) (\(message.prefix(200)))")
            }
            guard expectedVerdict == .invalid, verdict == .invalid else { continue }
            invalid += 1
            // valid.txt holds the message with whitespace runs collapsed, cut at 500 characters.
            if Self.oneLine(message) == expected {
                exactMessages += 1
            } else if !expected.hasSuffix("is not valid under any of the given schemas") {
                // Quoting a whole cell can differ (nbformat quotes the random id it gave the cell).
                Issue.record("\(relative): nbformat's message is \(expected.debugDescription), quire's \(message.debugDescription)")
            }
        }
        print("validation corpus: compared \(compared) notebooks; \(agreeing) verdicts agree with nbformat; "
            + "\(exactMessages) of \(invalid) invalid notebooks have nbformat's first message exactly")
        #expect(compared > 0)
    }

    static func verdict(of path: String) -> (Verdict, String) {
        do {
            let report = try NotebookValidator.validate(try FileIO.read(path))
            guard let first = report.errors.first else { return (.valid, "") }
            return (.invalid, first.message)
        } catch {
            return (.unreadable, error.description)
        }
    }

    /// Python's `' '.join(s.split())[:500]`, as make_golden.py writes messages.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return String(words.joined(separator: " ").prefix(500))
    }
}
