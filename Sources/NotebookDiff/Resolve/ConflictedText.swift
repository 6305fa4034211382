import NotebookFormat

/// A text that git's line merge left with conflict markers, taken apart into the versions it
/// combines: the lines outside the conflicts plus each conflict's local part (between
/// `<<<<<<<` and `|||||||` or `=======`), its remote part (between `=======` and `>>>>>>>`),
/// and its base part (between `|||||||` and `=======`, in git's diff3 style) when every
/// conflict has one. Markers are recognised at the length the opening marker has (7 unless
/// git's `conflict-marker-size` says otherwise).
public struct ConflictedText: Sendable {
    public struct Side: Sendable {
        public var bytes: [UInt8] = []
        /// For each line of `bytes`, its line number in the conflicted text (from 1).
        public var lineNumbers: [Int] = []

        mutating func append(_ line: ArraySlice<UInt8>, number: Int) {
            bytes += line
            lineNumbers.append(number)
        }

        /// The conflicted text's line number for a line of this side.
        public func originalLine(_ line: Int) -> Int? {
            lineNumbers.indices.contains(line - 1) ? lineNumbers[line - 1] : nil
        }
    }

    public var local = Side()
    public var remote = Side()
    /// Nil when some conflict has no base part.
    public var base: Side?
    /// How many conflicts the text holds.
    public var conflictCount = 0

    private enum State { case common, local, base, remote }

    /// Takes a conflicted text apart; throws when its markers do not nest as git writes them.
    public static func parse(_ bytes: [UInt8]) throws(NotebookError) -> ConflictedText {
        var text = ConflictedText()
        var base = Side()
        var everyConflictHasBase = true
        var state = State.common
        var size = 7
        var opened = 0
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: 0x0A)).map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            lineNumber += 1
            start = end
            switch (state, marker(line, size: state == .common ? nil : size)) {
            case (.common, .open(let length)?):
                state = .local
                size = length
                opened = lineNumber
                text.conflictCount += 1
            case (.local, .base?):
                state = .base
            case (.local, .separator?):
                state = .remote
                everyConflictHasBase = false
            case (.base, .separator?):
                state = .remote
            case (.remote, .close?):
                state = .common
            case (.common, .separator?), (.common, .close?), (.common, .base?):
                throw NotebookError(.conflictMarkers, "a conflict marker without an opening '<<<<<<<' line", line: lineNumber, column: 1)
            case (_, .open?), (.local, .close?), (.base, .base?), (.base, .close?), (.remote, .base?), (.remote, .separator?):
                throw NotebookError(.conflictMarkers, "conflict markers out of order in the conflict opened on line \(opened)", line: lineNumber, column: 1)
            case (.common, nil):
                text.local.append(line, number: lineNumber)
                text.remote.append(line, number: lineNumber)
                base.append(line, number: lineNumber)
            case (.local, nil):
                text.local.append(line, number: lineNumber)
            case (.base, nil):
                base.append(line, number: lineNumber)
            case (.remote, nil):
                text.remote.append(line, number: lineNumber)
            }
        }
        guard state == .common else {
            throw NotebookError(.conflictMarkers, "the conflict opened on line \(opened) has no closing '>>>>>>>' line", line: opened, column: 1)
        }
        if everyConflictHasBase && text.conflictCount > 0 { text.base = base }
        return text
    }

    private enum Marker: Equatable {
        case open(Int), base, separator, close
    }

    /// The marker a line holds: `size` of the same character (7 or more for an opening marker
    /// outside a conflict), then the end of the line, or a space and a label.
    private static func marker(_ line: ArraySlice<UInt8>, size: Int?) -> Marker? {
        guard let first = line.first, "<|=>".utf8.contains(first) else { return nil }
        let run = line.prefix { $0 == first }.count
        let rest = line.dropFirst(run)
        let endsLine = rest.allSatisfy { $0 == 0x0A || $0 == 0x0D }
        let labelled = endsLine || rest.first == UInt8(ascii: " ")
        let expected = size ?? 7
        switch first {
        case UInt8(ascii: "<"): return labelled && (size == nil ? run >= 7 : run == size) ? .open(run) : nil
        case UInt8(ascii: "|"): return labelled && run == expected ? .base : nil
        case UInt8(ascii: "="): return endsLine && run == expected ? .separator : nil
        default: return labelled && run == expected ? .close : nil
        }
    }
}
