/// Upgrades v2 and v3 notebooks to v4 as `nbformat.read(..., as_version=4)` does, with
/// deterministic cell ids instead of random ones. v4 notebooks keep their minor version.
extension Notebook {
    public func upgradedToV4() throws(NotebookError) -> Notebook {
        var notebook = self
        if notebook.major == 2 { notebook.upgradeV2ToV3() }
        if notebook.major == 3 { try notebook.upgradeV3ToV4() }
        return notebook
    }

    private mutating func upgradeV2ToV3() {
        json["nbformat"] = .int(3)
        json["nbformat_minor"] = .int(0)
        updateCells { cells in
            for i in cells.indices where cells[i].json["metadata"] == nil { cells[i].metadata = JSONObject() }
        }
    }

    private mutating func upgradeV3ToV4() throws(NotebookError) {
        json["nbformat"] = .int(4)
        json["nbformat_minor"] = .int(5)
        json.removeValue(forKey: "orig_nbformat")
        json.removeValue(forKey: "orig_nbformat_minor")
        var upgraded: [JSONValue] = []
        for sheet in json.removeValue(forKey: "worksheets")?.arrayValue ?? [] {
            for cell in sheet.objectValue?["cells"]?.arrayValue ?? [] {
                guard let cell = cell.objectValue else { continue }
                var new = Cell(Notebook.upgradeCell(cell))
                new.id = CellIDs.makeID(for: new, index: upgraded.count, avoiding: [])
                upgraded.append(.object(new.json))
            }
        }
        json["cells"] = .array(upgraded)
        var meta = metadata
        meta.removeValue(forKey: "name")
        meta.removeValue(forKey: "signature")
        metadata = meta
        CellIDs.repair(&self)  // two cells with the same place and text cannot share an id
    }

    private static func upgradeCell(_ old: JSONObject) -> JSONObject {
        var cell = old
        if cell["metadata"] == nil { cell["metadata"] = .object(JSONObject()) }
        switch cell["cell_type"]?.stringValue {
        case "code":
            cell.removeValue(forKey: "language")
            if let collapsed = cell.removeValue(forKey: "collapsed") {
                var meta = cell["metadata"]?.objectValue ?? JSONObject()
                meta["collapsed"] = collapsed
                cell["metadata"] = .object(meta)
            }
            cell["source"] = cell.removeValue(forKey: "input") ?? .string("")
            cell["execution_count"] = cell.removeValue(forKey: "prompt_number") ?? .null
            let outputs = (cell["outputs"]?.arrayValue ?? []).map { output in
                output.objectValue.map { JSONValue.object(upgradeOutput($0)) } ?? output
            }
            cell["outputs"] = .array(outputs)
        case "heading":
            cell["cell_type"] = .string("markdown")
            let level = cell.removeValue(forKey: "level")?.intValue ?? 1
            let text = (cell["source"]?.stringValue ?? "").pythonSplitLines(keepEnds: false).joined(separator: " ")
            cell["source"] = .string(String(repeating: "#", count: level) + " " + text)
        case "html":
            cell["cell_type"] = .string("markdown")
        default:
            break
        }
        return cell
    }

    /// v3 short mime names, in nbformat's order.
    static let v3MimeAliases: [(alias: String, mime: String)] = [
        ("text", "text/plain"), ("html", "text/html"), ("svg", "image/svg+xml"), ("png", "image/png"),
        ("jpeg", "image/jpeg"), ("latex", "text/latex"), ("json", "application/json"),
        ("javascript", "application/javascript"),
    ]

    private static func toMimeKeys(_ bundle: JSONObject) -> JSONObject {
        var result = bundle
        for (alias, mime) in v3MimeAliases {
            if let value = result.removeValue(forKey: alias) { result[mime] = value }
        }
        return result
    }

    private static func upgradeOutput(_ old: JSONObject) -> JSONObject {
        var output = old
        switch output["output_type"]?.stringValue {
        case "pyout", "display_data":
            if output["metadata"] == nil { output["metadata"] = .object(JSONObject()) }
            if output["output_type"]?.stringValue == "pyout" {
                output["output_type"] = .string("execute_result")
                output["execution_count"] = output.removeValue(forKey: "prompt_number") ?? .null
            }
            var data = JSONObject()
            for entry in output where !["output_type", "execution_count", "metadata"].contains(entry.key) {
                data[entry.key] = entry.value
                output.removeValue(forKey: entry.key)
            }
            data = toMimeKeys(data)
            if case .string(let text)? = data["application/json"], let parsed = try? JSONParser.parse(text) {
                data["application/json"] = parsed
            }
            output["data"] = .object(data)
            output["metadata"] = .object(toMimeKeys(output["metadata"]?.objectValue ?? JSONObject()))
        case "pyerr":
            output["output_type"] = .string("error")
        case "stream":
            output["name"] = output.removeValue(forKey: "stream") ?? .string("stdout")
        default:
            break
        }
        return output
    }
}
