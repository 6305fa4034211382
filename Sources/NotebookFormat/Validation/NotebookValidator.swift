/// The verdict of `nbformat.validate(nbformat.reads(text, as_version=NO_CONVERT))`, with every
/// error (not only the first) and the place in the file of each.
///
/// - What nbformat cannot read (not JSON, not a notebook, an unknown major version, a shape its
///   reader cannot walk: see `NbformatReadCheck`) throws a `NotebookError`.
/// - The schema follows the file's `nbformat`/`nbformat_minor`; v2 has none, which is an error.
/// - For v4 the transient keys nbformat drops on reading (`metadata.signature`, `orig_nbformat`,
///   cell `metadata.trusted`) are not checked.
/// - From 4.5 on, nbformat gives cells without an id, or with an id an earlier cell has, a random
///   new id before it checks the schema; those are reported as warnings, not errors.
/// - The JSON is checked as stored (multi-line text as lists of lines), so paths can point
///   inside such lists; nbformat's schemas accept both forms, so the verdict is the same.
public enum NotebookValidator {
    public static func validate(_ bytes: [UInt8]) throws(NotebookError) -> ValidationReport {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            _ = try NotebookReader.read(bytes)  // throws the reader's error, conflict markers included
            throw NotebookError(.invalidJSON, "invalid JSON: \(error.message)", line: error.line, column: error.column)
        }
        var report: ValidationReport
        do throws(NotebookError) {
            report = try validate(value)
        } catch {
            throw located(error, in: bytes)
        }
        let paths = report.errors.map(\.path) + report.warnings.map(\.path)
        guard !paths.isEmpty else { return report }
        let locations = JSONLocator.locate(paths, in: bytes)
        for i in report.errors.indices {
            report.errors[i].line = locations[i].line
            report.errors[i].column = locations[i].column
        }
        for i in report.warnings.indices {
            report.warnings[i].line = locations[report.errors.count + i].line
            report.warnings[i].column = locations[report.errors.count + i].column
        }
        return report
    }

    /// Validates parsed JSON; the issues carry no line and column.
    public static func validate(_ value: JSONValue) throws(NotebookError) -> ValidationReport {
        // What nbformat cannot read is unreadable, not invalid.
        let major = try NbformatReadCheck.check(value)
        guard case .object(var root) = value else { return ValidationReport() }
        switch NotebookSchemas.schema(major: major, minor: root["nbformat_minor"]) {
        case .none(let message):
            // Without an `nbformat` key nbformat reads v1; the path shows that the key is missing.
            return ValidationReport(errors: [ValidationIssue(path: JSONPath([.key("nbformat")]), message: message)])
        case .schema(let document):
            var warnings: [ValidationIssue] = []
            if major == 4 { stripTransients(&root) }
            // Messages quote cells as the file has them, not with quire's placeholder ids.
            let cellsAsStored = root["cells"]?.arrayValue ?? []
            if major == 4, let minor = root["nbformat_minor"]?.intValue, minor >= 5 { warnings = try repairCellIDs(&root) }
            var validator = SchemaValidator(document: document)
            validator.messageForm = { value, path in
                var value = value
                if path.count == 2, path[0] == .key("cells"), case .index(let i) = path[1], cellsAsStored.indices.contains(i) {
                    value = cellsAsStored[i]
                }
                return NbformatInMemory.form(of: value, at: path, major: major)
            }
            let violations = validator.violations(of: .object(root))
            if let first = violations.first, first.breaksNbformat {
                throw NotebookError(
                    .notANotebook, "nbformat cannot read this notebook: 'cell_type' is not a string",
                    jsonPath: first.path.appending(.key("cell_type")).pointer)
            }
            let errors = violations.map { ValidationIssue(path: $0.path, message: $0.message) }
            return ValidationReport(errors: errors, warnings: warnings)
        }
    }

    /// The error with the line and column of its JSON path (or of the document).
    static func located(_ error: NotebookError, in bytes: [UInt8]) -> NotebookError {
        guard error.line == nil else { return error }
        var copy = error
        let path = error.jsonPath.map { JSONPath(pointer: $0) } ?? JSONPath()
        let location = JSONLocator.locate([path], in: bytes)[0]
        copy.line = location.line
        copy.column = location.column
        return copy
    }

    /// "a list" or "an object" for values Python cannot put in a set.
    private static func unhashableKind(_ value: JSONValue) -> String? {
        switch value {
        case .array: return "a list"
        case .object: return "an object"
        default: return nil
        }
    }

    /// nbformat v4's `strip_transient`, which runs on reading, before `validate`.
    static func stripTransients(_ root: inout JSONObject) {
        root.modify("metadata") { metadata in
            guard case .object(var object) = metadata else { return }
            for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] { object.removeValue(forKey: key) }
            metadata = .object(object)
        }
        root.modify("cells") { cells in
            guard case .array(var list) = cells else { return }
            for i in list.indices {
                guard case .object(var cell) = list[i], cell["metadata"]?.objectValue?.contains("trusted") == true else { continue }
                cell.modify("metadata") { metadata in
                    guard case .object(var object) = metadata else { return }
                    object.removeValue(forKey: "trusted")
                    metadata = .object(object)
                }
                list[i] = .object(cell)
            }
            cells = .array(list)
        }
    }

    /// Gives cells without an id, or with an earlier cell's id, a placeholder id (as nbformat
    /// gives them a random one) and returns a warning for each. An id that is a list or an
    /// object makes nbformat's duplicate check raise, so the file is unreadable for it.
    static func repairCellIDs(_ root: inout JSONObject) throws(NotebookError) -> [ValidationIssue] {
        guard case .array(var cells)? = root["cells"] else { return [] }
        var warnings: [ValidationIssue] = []
        var firstUse: [[UInt8]: Int] = [:]
        for i in cells.indices {
            guard case .object(var cell) = cells[i] else { continue }
            let cellPath = JSONPath([.key("cells"), .index(i)])
            if cell["id"] == nil {
                warnings.append(ValidationIssue(
                    path: cellPath,
                    message: "the cell has no 'id'; nbformat adds a random one when it reads the file, "
                        + "`quire normalize` adds a deterministic one"))
                cell["id"] = .string("quire-missing-id-\(i)")
                cells[i] = .object(cell)
            } else if let kind = cell["id"].flatMap(unhashableKind) {
                throw NotebookError(
                    .notANotebook, "nbformat cannot read this notebook: the cell id is \(kind)",
                    jsonPath: cellPath.appending(.key("id")).pointer)
            } else if case .string(let id)? = cell["id"] {
                if let first = firstUse[Array(id.utf8)] {
                    warnings.append(ValidationIssue(
                        path: cellPath.appending(.key("id")),
                        message: "duplicate cell id \(PythonRepr.string(id)) (first used by /cells/\(first)); nbformat "
                            + "replaces it with a random one when it reads the file, `quire normalize` with a deterministic one"))
                    cell["id"] = .string("quire-duplicate-id-\(i)")
                    cells[i] = .object(cell)
                } else {
                    firstUse[Array(id.utf8)] = i
                }
            }
        }
        if !warnings.isEmpty { root["cells"] = .array(cells) }
        return warnings
    }
}
