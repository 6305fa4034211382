import NotebookFormat
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import NotebookDiff

/// Every notebook of ../shared/corpus: diffed with itself it has no differences; diffed with its
/// cleaned self (nbstripout's defaults) it differs only in outputs, execution counts and metadata.
@Suite struct DiffCorpusTests {
    @Test func everyNotebookAgainstItselfAndItsCleanedSelf() {
        guard let corpus = DiffFixtures.corpus else {
            print("SKIPPED DiffCorpusTests: no ../shared/corpus beside the repository")
            return
        }
        var checked = 0, unreadable = 0, changedByCleaning = 0
        var seconds = 0.0
        for relative in DiffFixtures.corpusNotebooks(corpus) {
            guard let notebook = try? DiffFixtures.read(corpus + "/notebooks/" + relative) else {
                unreadable += 1  // invalid on purpose; the reader's tests cover them
                continue
            }
            checked += 1
            let start = Self.now()
            let same = NotebookDiff(old: notebook, new: notebook)
            #expect(same.isEmpty, "\(relative): differs from itself")
            var cleaned = notebook
            guard (try? NotebookCleaner.clean(&cleaned, options: CleanOptions())) != nil else {
                continue  // a notebook nbstripout refuses too (keep_output both set and unset)
            }
            let diff = NotebookDiff(old: notebook, new: cleaned)
            seconds += Self.now() - start
            if !diff.isEmpty { changedByCleaning += 1 }
            #expect(diff.nbformat == nil && diff.nbformatMinor == nil, "\(relative): version changed")
            #expect(diff.otherKeys.isEmpty, "\(relative): top-level keys changed")
            for change in diff.cells {
                guard case .modified(let cell) = change else {
                    Issue.record("\(relative): cleaning inserted or deleted cell \(change.position)")
                    continue
                }
                #expect(cell.source == nil && cell.cellType == nil && cell.id == nil && cell.attachments == nil,
                        "\(relative): cleaning changed more than outputs, counts and metadata in cell \(cell.position.new)")
            }
            #expect(!DiffRenderer().render(diff, oldName: "a", newName: "b").contains("base64"))
        }
        print("DiffCorpusTests: \(checked) notebooks (\(unreadable) unreadable skipped), \(changedByCleaning) changed by cleaning; diffs took \(Int(seconds * 1000)) ms")
        #expect(checked > 100)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
