import Testing

@testable import NotebookText

/// Directive lines as fastcore's nbio reads them, and `%%writefile` first lines.
@Suite("Export directives")
struct ExportDirectivesTests {
    @Test func leadingDirectivesWithBlankLinesAndTheBodyAfterThem() {
        let cell = CellDirectives(parsing: "#| hide\n\n#|export\n# | default_exp: data.loaders\ndef f(): pass\n#| export\n")
        #expect(cell.directives.map(\.name) == ["hide", "export", "default_exp"])
        #expect(cell.directives.map(\.line) == [1, 3, 4])
        #expect(cell.defaultExport?.arguments == ["data.loaders"])
        #expect(cell.body == "def f(): pass\n#| export\n", "only leading lines are directives")
        #expect(cell.bodyFirstLine == 5)
        #expect(cell.exports.map(\.name) == ["export"])
    }

    @Test func exportVariantsAndTheirArguments() {
        #expect(CellDirectives(parsing: "#| exporti\nx = 1").exports.first?.name == "exporti")
        #expect(CellDirectives(parsing: "#| exports\nx = 1").exports.first?.name == "exports")
        #expect(CellDirectives(parsing: "#| export other_mod\nx = 1").exports.first?.arguments == ["other_mod"])
        #expect(CellDirectives(parsing: "  #  |  Export\nx").exports.first?.name == "export", "spaces allowed, name lower-cased")
        #expect(CellDirectives(parsing: "# export\nx = 1").exports.isEmpty, "nbdev 1's '# export' has no bar")
        #expect(CellDirectives(parsing: "x = 1  #| export").exports.isEmpty)
        #expect(CellDirectives(parsing: "#| echo: false\nx").directives.first == .init(name: "echo", arguments: ["false"], line: 1))
    }

    @Test func cellMagicsAmongTheLeadingLinesAreKeptApart() {
        let cell = CellDirectives(parsing: "#| export\n%%time\nx = 1")
        #expect(cell.leadingMagics == [.init(text: "%%time", line: 2)])
        #expect(cell.body == "x = 1")
        #expect(cell.bodyFirstLine == 3)
    }

    @Test func writeFileFirstLines() {
        func magic(_ line: String) -> String? { WriteFileMagic(firstLine: line).map { "\($0.path) append=\($0.append)" } }
        #expect(magic("%%writefile utils.py") == "utils.py append=false")
        #expect(magic("%%writefile -a src/utils.py\n") == "src/utils.py append=true")
        #expect(magic("%%writefile --append 'my file.py'") == "my file.py append=true")
        #expect(WriteFileMagic(firstLine: "%%writefiles x.py") == nil)
        #expect(WriteFileMagic(firstLine: "%%writefile") == nil)
        #expect(WriteFileMagic(firstLine: "%%time") == nil)
    }
}
