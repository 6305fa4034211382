/// Unified-diff hunks: edits with up to `context` equal lines around them, edits closer than
/// twice the context joined into one hunk, as `diff -u` groups them.
extension LineDiff {
    public struct Hunk: Sendable, Equatable {
        /// The old and new lines the hunk covers, context included.
        public var old: Range<Int>
        public var new: Range<Int>
        /// The edits inside the hunk, in order.
        public var edits: [Edit]

        /// The header `@@ -start,count +start,count @@` with 1-based starts, as `diff -u`
        /// writes it (an empty range starts at the line before it).
        public var header: String {
            func range(_ r: Range<Int>) -> String {
                let start = r.isEmpty ? r.lowerBound : r.lowerBound + 1
                return r.count == 1 ? "\(start)" : "\(start),\(r.count)"
            }
            return "@@ -\(range(old)) +\(range(new)) @@"
        }
    }

    public func hunks(context: Int = 3) -> [Hunk] {
        let context = max(0, context)
        var result: [Hunk] = []
        for edit in edits {
            let oldStart = max(0, edit.old.lowerBound - context)
            let newStart = max(0, edit.new.lowerBound - context)
            let oldEnd = min(oldLines.count, edit.old.upperBound + context)
            let newEnd = min(newLines.count, edit.new.upperBound + context)
            if var last = result.last, last.old.upperBound >= oldStart {
                last.old = last.old.lowerBound..<oldEnd
                last.new = last.new.lowerBound..<newEnd
                last.edits.append(edit)
                result[result.count - 1] = last
            } else {
                result.append(Hunk(old: oldStart..<oldEnd, new: newStart..<newEnd, edits: [edit]))
            }
        }
        return result
    }
}
