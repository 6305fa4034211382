import NotebookFormat

/// jupytext's `map_outputs_to_inputs`: which existing cell (with outputs) each script cell takes
/// over. Contents are compared ignoring what black may reformat (spaces, quotes, commas,
/// parentheses, backslashes, line breaks).
extension NotebookUpdate {
    static func outputsMap(inputs: [Cell], outputs: [Cell]) -> [Int?] {
        let inputKeys = inputs.map { ($0.cellType ?? "", blackInvariant(sourcePieces($0))) }
        let outputKeys = outputs.map { ($0.cellType ?? "", blackInvariant(sourcePieces($0))) }
        var map = [Int?](repeating: nil, count: inputs.count)

        // 1. Same type and content, in order, per cell type.
        var firstUnmatched: [String: Int] = [:]
        for i in inputs.indices {
            let (type, content) = inputKeys[i]
            for j in (firstUnmatched[type] ?? 0)..<max(outputs.count, firstUnmatched[type] ?? 0)
            where outputKeys[j].0 == type && outputKeys[j].1 == content {
                map[i] = j
                firstUnmatched[type] = j + 1
                break
            }
        }

        // 2. Same content among the unused cells, in any order; 3. a new cell that is the end of an old one.
        var unused = Set(outputs.indices).subtracting(map.compactMap { $0 })
        for endsWith in [false, true] {
            if unused.isEmpty { return map }
            for i in inputs.indices where map[i] == nil {
                let (type, content) = inputKeys[i]
                for j in unused.sorted() where outputKeys[j].0 == type {
                    let old = outputKeys[j].1
                    let same = endsWith && !content.isEmpty ? old.hasSuffix(content) : old == content
                    if same {
                        map[i] = j
                        unused.remove(j)
                        break
                    }
                }
            }
        }

        // 4. By position, for non-empty cells of the same type.
        if unused.isEmpty { return map }
        var previous = -1
        for i in inputs.indices {
            if let j = map[i] {
                previous = j
                continue
            }
            let j = previous + 1
            guard unused.contains(j) else { continue }
            if inputKeys[i].0 == outputKeys[j].0 && !PercentReader.strip(inputs[i].source).isEmpty {
                map[i] = j
                unused.remove(j)
                previous = j
            }
        }
        return map
    }

    /// The pieces `Cell.source` joins (the lines of a source held as a list), which
    /// `blackInvariant` filters without joining them first.
    static func sourcePieces(_ cell: Cell) -> [String] {
        for key in ["source", "input"] {
            switch cell.json[key] {
            case .string(let s)?: return [s]
            case .array(let lines)?: return lines.compactMap(\.stringValue)
            default: continue
            }
        }
        return []
    }

    /// `black_invariant` of the pieces joined: the text without the characters black may change. The dropped characters are ASCII, so filtering
    /// UTF-8 bytes keeps the text valid, and filtering each piece is filtering the whole.
    static func blackInvariant(_ pieces: [String]) -> String {
        let capacity = pieces.reduce(0) { $0 + $1.utf8.count }
        // bits of space \t \n , ' " ( ), the dropped bytes below 64; and \\ (0x5C)
        let dropped: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x2C | 1 << 0x27 | 1 << 0x22 | 1 << 0x28 | 1 << 0x29
        return String(unsafeUninitializedCapacity: capacity) { target in
            var count = 0
            for piece in pieces {
                LineBytes.with(piece) { source in
                    for byte in source {
                        let isDropped = byte < 64 ? dropped &>> UInt64(byte) & 1 : (byte == 0x5C ? 1 : 0)
                        if isDropped != 0 { continue }
                        target[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}
