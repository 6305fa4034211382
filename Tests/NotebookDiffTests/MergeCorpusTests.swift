import NotebookFormat
import Testing

@testable import NotebookDiff

/// Every merge case of the shared corpus: quire must merge it without an error, the result must
/// validate and keep every line either side added, and the table compares quire's clean merges
/// with nbdime's and with git's line merge.
struct MergeCorpusTests {
    typealias F = MergeFixture

    struct Row {
        var name: String
        var clean: Bool
        var conflicts: Int
        /// Nil without a human resolution, or when quire's merge is not clean.
        var sourcesEqualResolved: Bool?
        var nbdimeExit: Int?
        var gitConflicts: Int?
    }

    @Test func everyCaseMergesValidlyWithoutLosingAnEdit() throws {
        guard let corpus = F.corpus else {
            print("SKIPPED: ../shared/corpus is absent")
            return
        }
        var rows: [Row] = []
        for name in F.entries(of: corpus + "/merges") {
            let folder = corpus + "/merges/" + name
            guard FileIO.exists(folder + "/base.ipynb") else { continue }
            let sides = try ["base", "local", "remote"].map { try FileIO.read(folder + "/\($0).ipynb") }
            let result: MergeResult
            do {
                result = try F.merge(sides[0], sides[1], sides[2])
            } catch {
                Issue.record("\(name): \(error)")
                continue
            }
            #expect(F.isValid(result.bytes), "\(name): the merge does not validate")
            let notebooks = try sides.map { try NotebookReader.read($0).upgradedToV4() }
            for lost in Self.lostLines(base: notebooks[0], sides: [notebooks[1], notebooks[2]], merged: result.notebook) {
                Issue.record("\(name): the merge lost the line \(lost.debugDescription)")
            }
            var row = Row(name: name, clean: result.isClean, conflicts: result.conflicts.count)
            if result.isClean, let resolved = try? FileIO.read(folder + "/resolved.ipynb") {
                let human = try NotebookReader.read(resolved).upgradedToV4()
                row.sourcesEqualResolved = human.cells.map(\.source) == result.notebook.cells.map(\.source)
            }
            let nbdime = Self.json(corpus + "/golden/merges/\(name)/nbdime.json")
            row.nbdimeExit = nbdime?["exit_status"]?.intValue
            // nbdime's own triples: where nbdime marks conflicting lines, quire must not merge silently.
            if name.hasPrefix("nbdime-"), nbdime?["conflict_markers_in_output"] == .bool(true) {
                #expect(!result.isClean, "\(name): nbdime marks conflicts, quire merged cleanly")
            }
            row.gitConflicts = Self.json(folder + "/case.json")?["git_merge_file_conflicts"]?.intValue
            rows.append(row)
        }
        Self.printTable(rows)
        let quireClean = rows.filter(\.clean).count
        let nbdimeClean = rows.filter { $0.nbdimeExit == 0 }.count
        #expect(rows.count >= 60)
        #expect(quireClean >= nbdimeClean, "quire merged \(quireClean) cases cleanly, nbdime \(nbdimeClean)")
    }

    /// Lines that a side added to a cell (or brought in a new cell) and that appear nowhere in
    /// the merged notebook. A clean or conflicted merge must keep them all.
    static func lostLines(base: Notebook, sides: [Notebook], merged: Notebook) -> [String] {
        let mergedLines = Set(merged.cells.flatMap { $0.source.pythonSplitLines() }.map(MergePropertyTests.trimmed))
        var lost: [String] = []
        for side in sides {
            let partners = Dictionary(uniqueKeysWithValues: CellAlignment.align(base.cells, side.cells).map { ($0.new, $0.old) })
            for (index, cell) in side.cells.enumerated() {
                let baseLines = Set((partners[index].map { base.cells[$0].source } ?? "").pythonSplitLines().map(MergePropertyTests.trimmed))
                for line in cell.source.pythonSplitLines().map(MergePropertyTests.trimmed) where !baseLines.contains(line) && !mergedLines.contains(line) {
                    lost.append(line)
                }
            }
        }
        return lost
    }

    static func json(_ path: String) -> JSONObject? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        return (try? JSONParser.parse(bytes))?.objectValue
    }

    static func printTable(_ rows: [Row]) {
        func cell(_ text: String, _ width: Int) -> String { text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count) }
        var lines = [cell("case", 62) + cell("quire", 14) + cell("=resolved", 10) + cell("nbdime", 12) + "git merge-file"]
        for row in rows {
            lines.append(
                cell(row.name, 62) + cell(row.clean ? "clean" : "conflicts \(row.conflicts)", 14)
                    + cell(row.sourcesEqualResolved.map { $0 ? "yes" : "NO" } ?? "-", 10)
                    + cell(row.nbdimeExit.map { $0 == 0 ? "clean" : "conflicts" } ?? "?", 12)
                    + (row.gitConflicts.map { $0 == 0 ? "clean" : "\($0) conflicts" } ?? "?"))
        }
        let withResolution = rows.filter { $0.sourcesEqualResolved != nil }
        lines.append("")
        lines.append("cases: \(rows.count); clean merges: quire \(rows.filter(\.clean).count), nbdime \(rows.filter { $0.nbdimeExit == 0 }.count), git merge-file \(rows.filter { $0.gitConflicts == 0 }.count)")
        lines.append("quire's clean merges with a human resolution: \(withResolution.count), cell sources equal to it: \(withResolution.filter { $0.sourcesEqualResolved == true }.count)")
        print(lines.joined(separator: "\n"))
    }
}
