import StableHash

/// Cell ids for nbformat 4.5. nbformat fills missing and duplicate ids with random ones; quire
/// derives them from the cell's position and content, so the same input always gives the same file.
public enum CellIDs {
    /// Gives every cell without an id, or with the id of an earlier cell, a deterministic one.
    public static func repair(_ notebook: inout Notebook) {
        // The common case, every id present and distinct, is checked without building a Set:
        // instantiating one costs more at start-up than cleaning a small notebook.
        let ids = notebook.cells.map(\.id)
        let present = ids.compactMap { $0 }
        if present.count == ids.count {
            let sorted = present.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if zip(sorted, sorted.dropFirst()).allSatisfy({ $0 != $1 }) { return }
        }
        var kept = Set<String>()  // ids kept so far: a later cell with one of them is a duplicate
        var taken = Set(present)  // every id in the file and every id given out
        notebook.updateCells { cells in
            for i in cells.indices {
                if let id = cells[i].id, !kept.contains(id) {
                    kept.insert(id)
                    continue
                }
                let id = makeID(for: cells[i], index: i, avoiding: taken)
                cells[i].id = id
                kept.insert(id)
                taken.insert(id)
            }
        }
    }

    /// Eight lower-case hex digits, like nbformat's ids, from a hash of the cell's place and text
    /// (salted until it is not in `taken`). Scripts read by NotebookText get theirs here too.
    public static func makeID(for cell: Cell, index: Int, avoiding taken: Set<String>) -> String {
        var salt = 0
        while true {
            var hash = FNV1a()
            hash.combine(String(index))
            hash.combine(cell.cellType ?? "")
            hash.combine(cell.source)
            hash.combine(String(salt))
            let id = hexString(UInt32(truncatingIfNeeded: hash.value ^ (hash.value >> 32)))
            if !taken.contains(id) { return id }
            salt += 1
        }
    }

    static func hexString(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
