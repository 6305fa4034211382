import Testing

@testable import NotebookDiff

struct SequenceMatcherTests {
    /// The LCS length by dynamic programming, to check Myers against.
    static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test func findsALongestCommonSubsequence() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            let b = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            let matches = SequenceMatcher.matches(a, b)
            #expect(matches.count == Self.lcsLength(a, b), "a=\(a) b=\(b)")
            #expect(matches.allSatisfy { a[$0.old] == b[$0.new] })
            #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.old < $1.old && $0.new < $1.new })
        }
    }

    @Test func hugeRewritesStayFastAndValid() {
        let a = (0..<20_000).map { $0 * 2 }
        let b = (0..<20_000).map { $0 * 2 + 1 } + [a[5], a[19_000]]
        let matches = SequenceMatcher.matches(a, b)
        #expect(matches.allSatisfy { a[$0.old] == b[$0.new] })
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.old < $1.old && $0.new < $1.new })
    }

    @Test func longestIncreasingRunNeverReusesAnElement() {
        let run = IncreasingRun.longest([.init(0, 5), .init(0, 1), .init(1, 2), .init(2, 0), .init(3, 3)])
        #expect(run == [.init(0, 1), .init(1, 2), .init(3, 3)])
    }
}
