/// The text of a module, laid out as nbdev 3 lays it out (`maker.py::ModuleMaker.make`), under
/// quire's two header lines: `# %% auto #0` with `__all__` (nbdev modules only), then each cell
/// as `# %% <notebook relative to the module> #<cell id>` and its code, one blank line apart.
/// `from __future__` imports must come first in Python, so their cells go before `__all__`.
extension ModuleExporter {
    func render(_ draft: ModuleDraft) -> ModuleFile {
        let folder = ExportPaths.folder(of: draft.path)
        let cells = draft.cells.filter { !$0.code.trimmingPythonWhitespace().isEmpty }
        var notebooks: [String] = []
        for cell in cells where !notebooks.contains(cell.notebook) { notebooks.append(cell.notebook) }
        func section(_ cell: ExportedCell) -> String {
            "# %% " + ExportPaths.relative(cell.notebook, from: folder) + " " + cell.reference + "\n" + cell.code
        }
        var sections: [String] = []
        if draft.kind == .nbdev {
            let future = cells.lastIndex { Self.hasFutureImport($0.code) }.map { $0 + 1 } ?? 0
            sections += cells[..<future].map(section)
            let names = ModuleNames.names(in: cells.filter(\.inAll).map(\.code))
            sections.append("# %% auto #0\n" + ModuleNames.allStatement(names))
            sections += cells[future...].map(section)
        } else {
            sections = cells.map(section)
        }
        let body = "\n" + sections.joined(separator: "\n\n") + "\n"
        let sources = notebooks.map { ExportPaths.relative($0, from: folder) }
        return ModuleFile(path: draft.path, bytes: GeneratedModule.bytes(notebooks: sources, body: body))
    }

    /// A top-level `from __future__ import ...` in the code.
    static func hasFutureImport(_ code: String) -> Bool {
        PythonLogicalLines.split(code).contains { line in
            line.indent == 0 && ModuleNames.leadingWords(line.code, count: 2) == ["from", "__future__"]
        }
    }
}
