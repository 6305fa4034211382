/// The styles of a rendered diff and their ANSI escape codes.
public enum TerminalStyle: Sendable {
    case plain
    /// The `---`/`+++` file header.
    case fileHeader
    /// A `## cell …` line.
    case section
    /// A `@@ … @@` hunk header.
    case hunk
    case removed
    case added
    /// A changed word inside a removed or added line.
    case removedWord
    case addedWord
    /// Summaries, counts and notes.
    case note

    var code: String {
        switch self {
        case .plain: return ""
        case .fileHeader: return "\u{1B}[1m"
        case .section: return "\u{1B}[1;34m"
        case .hunk: return "\u{1B}[36m"
        case .removed: return "\u{1B}[31m"
        case .added: return "\u{1B}[32m"
        case .removedWord: return "\u{1B}[7;31m"
        case .addedWord: return "\u{1B}[7;32m"
        case .note: return "\u{1B}[33m"
        }
    }
}

/// Wraps text in escape codes when colour is on; returns it unchanged otherwise.
struct Painter: Sendable {
    var color: Bool

    func callAsFunction(_ text: String, _ style: TerminalStyle) -> String {
        guard color, style != .plain, !text.isEmpty else { return text }
        return style.code + text + "\u{1B}[0m"
    }

    /// A line made of pieces in different styles; consecutive pieces of one style share codes.
    func line(_ pieces: [(String, TerminalStyle)]) -> String {
        guard color else { return pieces.map(\.0).joined() }
        var merged: [(String, TerminalStyle)] = []
        for piece in pieces where !piece.0.isEmpty {
            if let last = merged.last, last.1 == piece.1 {
                merged[merged.count - 1].0 += piece.0
            } else {
                merged.append(piece)
            }
        }
        return merged.map { self($0.0, $0.1) }.joined()
    }
}
