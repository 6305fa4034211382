import QuireTestSupport
import Testing

@testable import NotebookFormat

/// Test files: small fixtures beside the tests, and the shared corpus when it is present.
enum Fixtures {
    static let repositoryRoot = TestPaths.repositoryRoot

    static let folder = repositoryRoot + "/Tests/NotebookFormatTests/Fixtures"

    static func bytes(_ name: String) throws -> [UInt8] {
        try FileIO.read(folder + "/" + name)
    }

    /// `../shared/corpus` beside the repository, or nil when it is not there.
    static var corpus: String? { TestPaths.corpus(holding: "notebooks") }

    /// A short unified-style report of the first differing line, for failure messages.
    static func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let left = i < a.count ? String(a[i]) : "<end>"
            let right = i < e.count ? String(e[i]) : "<end>"
            if left != right { return "line \(i + 1):\n  quire:    \(left.prefix(200))\n  expected: \(right.prefix(200))" }
        }
        return "same lines, different bytes"
    }
}
