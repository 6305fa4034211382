import NotebookFormat

/// Cell ids for the cells a script gives: the same scheme as `CellIDs` in NotebookFormat (eight
/// hex digits of an FNV-1a hash of the cell's position, type and source, salted on collision),
/// with one set of taken ids, so that long scripts stay linear.
extension PercentReader {
    /// Gives every cell without an id one that no other cell has.
    static func fillMissingIDs(_ cells: inout [Cell]) {
        var taken = Set(cells.compactMap(\.id))
        for i in cells.indices where cells[i].id == nil {
            var salt = 0
            while true {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for part in [String(i), cells[i].cellType ?? "", cells[i].source, String(salt)] {
                    hash = LineBytes.with(part) { bytes in  // a buffer walks faster than the UTF-8 view
                        var hash = hash
                        for byte in bytes {
                            hash ^= UInt64(byte)
                            hash = hash &* 0x100_0000_01b3
                        }
                        return hash
                    }
                    hash ^= 0xff
                    hash = hash &* 0x100_0000_01b3
                }
                let text = String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16)
                let id = String(repeating: "0", count: 8 - text.count) + text
                if !taken.contains(id) {
                    taken.insert(id)
                    cells[i].id = id
                    break
                }
                salt += 1
            }
        }
    }
}
