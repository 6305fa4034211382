#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain-text table: left-aligned columns two spaces apart, a header underlined with dashes.
/// Columns that do not fit `width` are left out from the right (at least `keep` stay); a
/// cell wider than its share is cut with `…`.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns kept whatever the width.
    var keep: Int = 1
    /// Widest a single cell may be.
    var maxCellWidth: Int = 40

    func render(width: Int) -> String {
        var widths = headers.indices.map { column in
            min(maxCellWidth, ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0)
        }
        var used = 0
        var shown = 0
        for (column, columnWidth) in widths.enumerated() {
            let extra = (column == 0 ? 0 : 2) + columnWidth
            if column >= keep && used + extra > width { break }
            used += extra
            shown += 1
        }
        widths = Array(widths.prefix(shown))
        var lines = [line(headers, widths), line(widths.map { String(repeating: "-", count: $0) }, widths)]
        lines += rows.map { line($0, widths) }
        if shown < headers.count { lines.append("(\(headers.count - shown) more columns; widen the terminal or use --json)") }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var out = ""
        for (column, width) in widths.enumerated() {
            var cell = cells[column]
            if cell.count > width { cell = String(cell.prefix(max(0, width - 1))) + "…" }
            if column > 0 { out += "  " }
            out += column == widths.count - 1 ? cell : cell + String(repeating: " ", count: width - cell.count)
        }
        return out
    }

    /// The terminal's width when stdout is one, else `COLUMNS`, else 100.
    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(1) != 0, terminalSizeIoctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return 100
    }
}

/// `ioctl(fd, TIOCGWINSZ, &winsize)`: the variadic C function is not imported into Swift.
@_silgen_name("ioctl")
private func terminalSizeIoctl(_ fd: Int32, _ request: UInt, _ size: UnsafeMutablePointer<winsize>) -> Int32
