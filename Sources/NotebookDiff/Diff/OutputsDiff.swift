import NotebookFormat

/// How the outputs of a cell changed. Equal outputs are paired by `SequenceMatcher` on their
/// whole content (hashed, so images are compared by equality only); in the gaps between them an
/// old and a new output of the same kind (output type, and stream name) pair up as modified;
/// the rest were deleted or inserted.
public struct OutputsDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case inserted(JSONObject, at: SequencePosition)
        case deleted(JSONObject, at: SequencePosition)
        case modified(OutputDiff)
    }

    public var changes: [Change]

    public init(changes: [Change]) { self.changes = changes }

    /// Outputs are expected joined (`JoinedLines.output`).
    public init(old: [JSONObject], new: [JSONObject], options: DiffOptions = .all) {
        let ignored = OutputsDiff.ignoredKeys(options)
        let oldKeys = old.map { ContentKey(.object(OutputsDiff.comparable($0, ignoring: ignored))) }
        let newKeys = new.map { ContentKey(.object(OutputsDiff.comparable($0, ignoring: ignored))) }
        var matches = SequenceMatcher.matches(oldKeys, newKeys)
        let equal = Set(matches.map(\.old))
        matches = CellAlignment.fillGaps(matches, old.count, new.count) { ra, rb in
            OutputsDiff.pairByKind(old, ra, new, rb)
        }
        var changes: [Change] = []
        for step in SequenceWalk.steps(matches, oldCount: old.count, newCount: new.count) {
            switch step {
            case .deleted(let p): changes.append(.deleted(old[p.old], at: p))
            case .inserted(let p): changes.append(.inserted(new[p.new], at: p))
            case .matched(let p) where !equal.contains(p.old):
                let diff = OutputDiff(old: old[p.old], new: new[p.new], position: p, ignoring: ignored)
                if !diff.changes.isEmpty { changes.append(.modified(diff)) }
            case .matched: break
            }
        }
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// Output keys a diff with these options leaves out.
    static func ignoredKeys(_ options: DiffOptions) -> Set<String> {
        var keys: Set<String> = []
        if !options.metadata { keys.insert("metadata") }
        if !options.details { keys.insert("execution_count") }
        return keys
    }

    static func comparable(_ output: JSONObject, ignoring keys: Set<String>) -> JSONObject {
        var copy = output
        for key in keys { copy.removeValue(forKey: key) }
        return copy
    }

    /// What an output is, for pairing changed outputs: its type, and a stream's name.
    static func kind(_ output: JSONObject) -> String {
        let type = output["output_type"]?.stringValue ?? ""
        return type == "stream" ? type + "/" + (output["name"]?.stringValue ?? "") : type
    }

    /// Pairs outputs of the same kind in order, each old output with the first new one of its
    /// kind after the previous pair, within a few places.
    static func pairByKind(_ old: [JSONObject], _ ra: Range<Int>, _ new: [JSONObject], _ rb: Range<Int>) -> [SequenceMatcher.Match] {
        var result: [SequenceMatcher.Match] = []
        var nextNew = rb.lowerBound
        for i in ra {
            let upper = min(rb.upperBound, nextNew + 8)
            guard nextNew < upper else { break }
            let wanted = kind(old[i])
            if let j = (nextNew..<upper).first(where: { kind(new[$0]) == wanted }) {
                result.append(.init(i, j))
                nextNew = j + 1
            }
        }
        return result
    }
}

/// One output present on both sides, changed.
public struct OutputDiff: Sendable, Equatable {
    public var old: JSONObject
    public var new: JSONObject
    public var position: SequencePosition
    /// Key-by-key changes of the output object (`data` nested per mime type).
    public var changes: ObjectDiff

    public init(old: JSONObject, new: JSONObject, position: SequencePosition, ignoring keys: Set<String> = []) {
        self.old = old
        self.new = new
        self.position = position
        self.changes = ObjectDiff(old, new, ignoring: keys)
    }
}
