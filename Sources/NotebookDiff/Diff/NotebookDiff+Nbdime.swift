import NotebookFormat

/// The diff in nbdime's format, as `nbdime.diff_notebooks` returns it and `nbdime.patch`
/// applies it to the notebook as nbformat reads it (multi-line text joined). Sources and
/// stream text are patched line by line (`addrange`/`removerange` of whole lines; nbdime nests
/// character-level patches for a changed line, which its patcher treats the same).
extension NotebookDiff {
    public var nbdimeDiff: [JSONValue] {
        var ops: [JSONValue] = []
        if !cells.isEmpty { ops.append(NbdimeOps.patch("cells", cellOps)) }
        if !metadata.isEmpty { ops.append(NbdimeOps.patch("metadata", metadata.nbdimeOps())) }
        if let nbformat { ops.append(NbdimeOps.replace("nbformat", .int(nbformat.new))) }
        if let nbformatMinor { ops.append(NbdimeOps.replace("nbformat_minor", .int(nbformatMinor.new))) }
        ops += otherKeys.nbdimeOps()
        return NbdimeOps.sortedByKey(ops)
    }

    /// The JSON text of `nbdimeDiff`; `indent: nil` writes one line.
    public func nbdimeJSON(indent: Int? = 1) -> String {
        JSONWriter(indent: indent, sortKeys: false).string(.array(nbdimeDiff))
    }

    private var cellOps: [JSONValue] {
        var builder = NbdimeSequenceBuilder()
        for change in cells {
            switch change {
            case .inserted(let cell, let p): builder.insert(.object(cell.json), before: p.old)
            case .deleted(_, let p): builder.remove(p.old)
            case .modified(let diff): builder.patch(diff.position.old, diff.nbdimeOps)
            }
        }
        return builder.build()
    }
}

extension CellDiff {
    /// The entries patching the old cell into the new one.
    public var nbdimeOps: [JSONValue] {
        let a = old.json, b = new.json
        var ops: [JSONValue] = []
        if let cellType { ops += NbdimeOps.set("cell_type", .init(cellType.old.map(JSONValue.string), cellType.new.map(JSONValue.string))).map { [$0] } ?? [] }
        if let id { ops += NbdimeOps.set("id", .init(id.old.map(JSONValue.string), id.new.map(JSONValue.string))).map { [$0] } ?? [] }
        if let executionCount { ops += NbdimeOps.set("execution_count", executionCount).map { [$0] } ?? [] }
        if let source {
            ops.append(Self.field("source", a, b) { NbdimeOps.patch("source", source.nbdimeOps) })
        }
        if let outputs {
            ops.append(Self.field("outputs", a, b) { NbdimeOps.patch("outputs", outputs.nbdimeOps) })
        }
        if let metadata {
            ops.append(Self.field("metadata", a, b) { NbdimeOps.patch("metadata", metadata.nbdimeOps()) })
        }
        if let attachments {
            ops.append(Self.field("attachments", a, b) { NbdimeOps.patch("attachments", attachments.nbdimeOps()) })
        }
        if let otherKeys { ops += otherKeys.nbdimeOps() }
        return NbdimeOps.sortedByKey(ops)
    }

    /// A patch of `key`, or an add or remove when only one side has the key.
    private static func field(_ key: String, _ a: JSONObject, _ b: JSONObject, patch: () -> JSONValue) -> JSONValue {
        switch (a[key], b[key]) {
        case (nil, let value?): return NbdimeOps.add(key, value)
        case (_?, nil): return NbdimeOps.remove(key)
        default: return patch()
        }
    }
}

extension OutputsDiff {
    public var nbdimeOps: [JSONValue] {
        var builder = NbdimeSequenceBuilder()
        for change in changes {
            switch change {
            case .inserted(let output, let p): builder.insert(.object(output), before: p.old)
            case .deleted(_, let p): builder.remove(p.old)
            case .modified(let diff): builder.patch(diff.position.old, diff.changes.nbdimeOps(lineWise: ["text"]))
            }
        }
        return builder.build()
    }
}

extension LineDiff {
    /// Line-level entries for a string: indices are lines of A (`splitlines(True)`).
    public var nbdimeOps: [JSONValue] {
        var ops: [JSONValue] = []
        for edit in edits {
            if !edit.new.isEmpty { ops.append(NbdimeOps.addRange(edit.old.lowerBound, newLines[edit.new].map(JSONValue.string))) }
            if !edit.old.isEmpty { ops.append(NbdimeOps.removeRange(edit.old.lowerBound, edit.old.count)) }
        }
        return ops
    }
}

extension ObjectDiff {
    /// Mapping entries; string values under a `lineWise` key are patched line by line.
    public func nbdimeOps(lineWise: Set<String> = []) -> [JSONValue] {
        entries.map { entry in
            switch entry.change {
            case .added(let value): return NbdimeOps.add(entry.key, value)
            case .removed: return NbdimeOps.remove(entry.key)
            case .replaced(.string(let old), .string(let new)) where lineWise.contains(entry.key):
                return NbdimeOps.patch(entry.key, LineDiff(old: old, new: new).nbdimeOps)
            case .replaced(_, let new): return NbdimeOps.replace(entry.key, new)
            case .patched(let nested): return NbdimeOps.patch(entry.key, nested.nbdimeOps())
            }
        }
    }
}
