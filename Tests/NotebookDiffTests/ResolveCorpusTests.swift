import NotebookFormat
import Testing

@testable import NotebookDiff

/// Every corpus merge case through git's own line merge and then `resolve`, in both conflict
/// styles: each marked text either comes back as a valid notebook that keeps every line either
/// side added, or is refused with a clear error when git's text no longer splits into two
/// readable notebooks.
struct ResolveCorpusTests {
    typealias F = MergeFixture

    @Test func gitConflictsInTheCorpusResolveValidly() throws {
        guard let corpus = F.corpus else {
            print("SKIPPED: ../shared/corpus is absent")
            return
        }
        var counts: [String: Int] = [:]
        for name in F.entries(of: corpus + "/merges") {
            let folder = corpus + "/merges/" + name
            guard FileIO.exists(folder + "/base.ipynb") else { continue }
            let sides = try ["base", "local", "remote"].map { try FileIO.read(folder + "/\($0).ipynb") }
            let notebooks = try sides.map { try NotebookReader.read($0).upgradedToV4() }
            for diff3 in [true, false] {
                let style = diff3 ? "diff3" : "merge"
                let git = try ResolveTests.gitMerge(sides[0], sides[1], sides[2], diff3: diff3)
                guard git.conflicts > 0 else { continue }
                do {
                    let outcome = try NotebookResolve.resolve(git.text)
                    #expect(F.isValid(outcome.result.bytes), "\(name) (\(style))")
                    for lost in MergeCorpusTests.lostLines(base: notebooks[0], sides: [notebooks[1], notebooks[2]], merged: outcome.result.notebook) {
                        Issue.record("\(name) (\(style)): resolve lost the line \(lost.debugDescription)")
                    }
                    counts["\(style) " + (outcome.result.isClean ? "clean" : "conflicts"), default: 0] += 1
                } catch {
                    guard case .badInput = error.kind else {
                        Issue.record("\(name) (\(style)): \(error)")
                        continue
                    }
                    counts["\(style) unreadable halves", default: 0] += 1
                }
            }
        }
        print("resolve after git merge-file: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(counts["diff3 clean", default: 0] > 0)
    }
}
