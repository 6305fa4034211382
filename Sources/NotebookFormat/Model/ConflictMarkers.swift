/// Finds the lines git writes around a conflict (`<<<<<<< `, `=======`, `>>>>>>> `).
public enum ConflictMarkers {
    public struct Marker: Sendable, Equatable {
        public var line: Int
        public var text: String
    }

    /// The first line that starts with `<<<<<<<`, when the text also holds `=======` and `>>>>>>>`
    /// lines, as an unresolved git merge leaves them.
    public static func firstMarkerLine(in bytes: [UInt8]) -> Marker? {
        var first: Marker?
        var sawSeparator = false
        var sawEnd = false
        var lineNumber = 1
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let line = bytes[lineStart..<i]
            if line.starts(with: "<<<<<<<".utf8), first == nil {
                first = Marker(line: lineNumber, text: String(decoding: line.prefix(40), as: UTF8.self))
            } else if line.starts(with: "=======".utf8) {
                sawSeparator = true
            } else if line.starts(with: ">>>>>>>".utf8) {
                sawEnd = true
            }
            lineNumber += 1
            lineStart = i + 1
        }
        return sawSeparator && sawEnd ? first : nil
    }
}
