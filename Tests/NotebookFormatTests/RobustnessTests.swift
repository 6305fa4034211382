import QuireTestSupport
import Testing

@testable import NotebookFormat

/// Damaged notebooks — truncated, bytes flipped, pieces cut out — must give an error or a
/// notebook, never a crash or a hang, in every step a git filter runs.
struct RobustnessTests {
    static func damaged(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var copy = bytes
        switch random.next() % 4 {
        case 0:
            copy.removeLast(Int(random.next() % UInt64(copy.count)))
        case 1:
            for _ in 0..<(1 + random.next() % 4) {
                copy[Int(random.next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: random.next())
            }
        case 2:
            let start = Int(random.next() % UInt64(copy.count))
            let length = min(copy.count - start, Int(random.next() % 64))
            copy.removeSubrange(start..<start + length)
        default:
            let from = Int(random.next() % UInt64(copy.count))
            let to = Int(random.next() % UInt64(copy.count))
            let length = min(copy.count - from, Int(random.next() % 32))
            copy.insert(contentsOf: copy[from..<from + length], at: to)
        }
        return copy
    }

    @Test(arguments: ["options.ipynb", "legacy-v3.ipynb", "lines.ipynb"])
    func damagedNotebooksNeverCrash(fixture: String) throws {
        let original = try Fixtures.bytes(fixture)
        var random = SeededGenerator(seed: 42)
        var readable = 0
        for _ in 0..<1500 {
            let input = Self.damaged(original, using: &random)
            guard let notebook = try? NotebookReader.read(input) else { continue }
            readable += 1
            _ = try? NotebookCleaner.clean(input, options: CleanOptions())
            _ = NotebookWriter.bytes(notebook)
            if let upgraded = try? notebook.upgradedToV4() { _ = NotebookWriter.bytes(upgraded) }
            _ = try? NotebookValidator.validate(input)
        }
        #expect(readable > 0, "some damage leaves a readable notebook, so the later steps ran too")
    }
}
