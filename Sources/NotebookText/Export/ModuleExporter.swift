import NotebookFormat

/// Builds every module the notebooks export, in memory, or throws the first problem (so that
/// nothing is written when anything is wrong). Notebooks are taken in path order and cells in
/// notebook order; several notebooks may feed one module, as with nbdev.
public struct ModuleExporter: Sendable {
    public var settings: ExportSettings
    private var drafts: [String: ModuleDraft] = [:]

    public init(settings: ExportSettings) { self.settings = settings }

    public static func modules(for notebooks: [ExportNotebook], settings: ExportSettings) throws(ExportError) -> [ModuleFile] {
        var exporter = ModuleExporter(settings: settings)
        for notebook in notebooks.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            try exporter.add(notebook)
        }
        return exporter.drafts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { exporter.render(exporter.drafts[$0]!) }
    }

    mutating func add(_ exported: ExportNotebook) throws(ExportError) {
        let cells = exported.notebook.cells
        let parsed = cells.map { $0.isCode ? CellDirectives(parsing: $0.source) : nil }
        let exports = parsed.contains { $0.map { !$0.exports.isEmpty } ?? false }
        let writes = cells.contains { $0.isCode && WriteFileMagic(firstLine: Self.firstLine($0.source)) != nil }
        if exported.isExplicit || exports || writes, let language = Self.language(of: exported.notebook), language != "python" {
            throw ExportError(.notPython, "the kernel language is '\(language)'; quire export writes Python modules from Python notebooks", notebook: exported.displayPath)
        }
        let defaultModule = try defaultModule(exported, parsed)
        for (index, cell) in cells.enumerated() where cell.isCode {
            let origin = CellOrigin(notebook: exported.displayPath, cell: index + 1, cellID: cell.id)
            let reference = cell.id.map { "#" + $0 } ?? String(index)
            if let magic = WriteFileMagic(firstLine: Self.firstLine(cell.source)) {
                try addWriteFile(magic, cell.source, exported, origin, reference)
            } else if let directives = parsed[index], let directive = directives.exports.first {
                try checkLeadingMagics(directives, origin)
                let target: String
                if let name = directive.arguments.first {
                    target = try modulePath(name, exported, origin, line: directive.line)
                } else if let defaultModule {
                    target = defaultModule
                } else {
                    throw origin.error(.badDirective, "'#| \(directive.name)' but the notebook has no '#| default_exp' naming its module", line: directive.line)
                }
                try checkMagics(directives.body, firstLine: directives.bodyFirstLine, origin)
                let code = Self.trimmed(directives.body)
                let cell = ExportedCell(notebook: exported.path, reference: reference, code: code, inAll: directive.name != "exporti", origin: origin)
                try append(cell, to: target, kind: .nbdev, origin: origin, line: directive.line)
            }
        }
    }

    /// The module of `#| default_exp`; two different ones in a notebook are an error.
    private func defaultModule(_ exported: ExportNotebook, _ parsed: [CellDirectives?]) throws(ExportError) -> String? {
        var found: (name: String, cell: Int)?
        for (index, directives) in parsed.enumerated() {
            guard let directive = directives?.defaultExport else { continue }
            let origin = CellOrigin(notebook: exported.displayPath, cell: index + 1, cellID: exported.notebook.cells[index].id)
            guard let name = directive.arguments.first else {
                throw origin.error(.badDirective, "'#| default_exp' needs a module name, such as '#| default_exp core'", line: directive.line)
            }
            if let found, found.name != name {
                throw origin.error(.badDirective, "a second '#| default_exp' ('\(name)'; cell \(found.cell) gave '\(found.name)'); a notebook has one default module", line: directive.line)
            }
            found = (name, index + 1)
            _ = try modulePath(name, exported, origin, line: directive.line)
        }
        guard let found else { return nil }
        let origin = CellOrigin(notebook: exported.displayPath, cell: found.cell, cellID: nil)
        return try modulePath(found.name, exported, origin, line: nil)
    }

    private func modulePath(_ name: String, _ exported: ExportNotebook, _ origin: CellOrigin, line: Int?) throws(ExportError) -> String {
        let library = settings.library ?? ExportPaths.folder(of: exported.path)
        guard let path = ExportPaths.modulePath(name, library: library) else {
            throw origin.error(.badDirective, "'\(name)' is not a module name; use a dotted Python name such as 'core' or 'data.loaders'", line: line)
        }
        try checkInside(path, origin, line: line)
        return path
    }

    private func checkInside(_ path: String, _ origin: CellOrigin, line: Int?) throws(ExportError) {
        guard ExportPaths.staysInside(root: settings.root, path: path) else {
            throw origin.error(.outsideProject, "the module '\(path)' leads outside the project \(settings.root) through a symbolic link", line: line)
        }
    }

    private mutating func addWriteFile(_ magic: WriteFileMagic, _ source: String, _ exported: ExportNotebook, _ origin: CellOrigin, _ reference: String) throws(ExportError) {
        guard magic.path.hasSuffix(".py") else { return }  // data and config files are not modules
        let lines = source.pythonSplitLines(keepEnds: true)
        let body = lines.dropFirst().joined()
        let directives = CellDirectives(parsing: body)
        if let directive = directives.directives.first(where: { ["export", "exports", "exporti", "default_exp"].contains($0.name) }) {
            throw origin.error(.conflictingTargets, "'%%writefile' and '#| \(directive.name)' in one cell; export the cell one way or the other", line: directive.line + 1)
        }
        guard let path = ExportPaths.resolve(magic.path, in: ExportPaths.folder(of: exported.path)) else {
            throw origin.error(.outsideProject, "'%%writefile \(magic.path)' writes outside the project \(settings.root); write inside it", line: 1)
        }
        try checkInside(path, origin, line: 1)
        try checkMagics(body, firstLine: 2, origin)
        if !magic.append, drafts[path]?.kind == .writeFile { drafts[path]?.cells = [] }  // Jupyter overwrites the file
        let cell = ExportedCell(notebook: exported.path, reference: reference, code: Self.trimmed(body), inAll: false, origin: origin)
        try append(cell, to: path, kind: .writeFile, origin: origin, line: 1)
    }

    private mutating func append(_ cell: ExportedCell, to path: String, kind: ModuleDraft.Kind, origin: CellOrigin, line: Int?) throws(ExportError) {
        var draft = drafts[path] ?? ModuleDraft(path: path, kind: kind, origin: origin)
        guard draft.kind == kind else {
            let other = draft.origin
            throw origin.error(.conflictingTargets, "\(path) is also written by \(draft.kind == .nbdev ? "nbdev directives" : "%%writefile") in \(other.notebook) cell \(other.cell); a module comes from one or the other", line: line)
        }
        draft.cells.append(cell)
        drafts[path] = draft
    }

    private func checkLeadingMagics(_ directives: CellDirectives, _ origin: CellOrigin) throws(ExportError) {
        guard let magic = directives.leadingMagics.first else { return }
        let token = String(magic.text.prefix { !$0.isWhitespace })
        throw origin.error(.magic, ExportMagics.message(for: .init(line: magic.line, token: token, kind: .magic)), line: magic.line)
    }

    private func checkMagics(_ code: String, firstLine: Int, _ origin: CellOrigin) throws(ExportError) {
        guard let finding = ExportMagics.first(in: code) else { return }
        throw origin.error(.magic, ExportMagics.message(for: finding), line: finding.line + firstLine - 1)
    }

    /// The notebook's kernel language, lower-cased (`kernelspec.language`, else `language_info.name`).
    static func language(of notebook: Notebook) -> String? {
        let metadata = notebook.metadata
        let kernel = metadata["kernelspec"]?.objectValue?["language"]?.stringValue
        let info = metadata["language_info"]?.objectValue?["name"]?.stringValue
        guard let language = [kernel, info].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        return language.lowercased()
    }

    static func firstLine(_ source: String) -> String {
        String(source.prefix { $0 != "\n" && $0 != "\r\n" })
    }

    /// The code without trailing blank lines or a final line break: cells are then separated by
    /// exactly one blank line.
    static func trimmed(_ code: String) -> String {
        var lines = code.pythonSplitLines(keepEnds: false)
        while let last = lines.last, last.trimmingPythonWhitespace().isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
