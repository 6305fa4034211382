import Testing

@testable import NotebookFormat

/// Expected lists are Python 3.11's `str.splitlines(True)`.
struct SplitLinesTests {
    @Test(arguments: [
        ("a\u{2028}b", ["a\u{2028}", "b"]),
        ("x\ry", ["x\r", "y"]),
        ("a\r\nb\n", ["a\r\n", "b\n"]),
        ("a\u{0B}b\u{0C}c\u{1C}d\u{1D}e\u{1E}f\u{85}g\u{2029}h", ["a\u{0B}", "b\u{0C}", "c\u{1C}", "d\u{1D}", "e\u{1E}", "f\u{85}", "g\u{2029}", "h"]),
        ("", []),
        ("\n", ["\n"]),
        ("abc", ["abc"]),
        ("a\n\nb", ["a\n", "\n", "b"]),
    ])
    func splitsWherePythonSplits(text: String, expected: [String]) {
        #expect(text.pythonSplitLines() == expected)
    }

    @Test func withoutLineEnds() {
        #expect("a\r\nb\rc".pythonSplitLines(keepEnds: false) == ["a", "b", "c"])
    }
}
