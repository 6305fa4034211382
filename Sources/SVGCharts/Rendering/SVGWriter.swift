/// Accumulates SVG text; every user string goes through ``escaped(_:)``.
struct SVGWriter {
    private(set) var text = ""

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ markup: String) {
        text += markup
    }

    /// A pixel coordinate, one decimal place at most.
    mutating func pixel(_ value: Double) {
        ChartNumberFormat.appendPixel(value, to: &text)
    }

    /// Text or attribute content with `& < > " '` as entities and the control characters XML 1.0 forbids
    /// replaced by U+FFFD.
    mutating func escaped(_ content: String) {
        Self.appendEscaped(content, to: &text)
    }

    static func appendEscaped(_ content: String, to text: inout String) {
        for scalar in content.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&#39;"
            case "\t", "\n", "\r": text.unicodeScalars.append(scalar)
            default:
                let isForbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                text.unicodeScalars.append(isForbidden ? "\u{FFFD}" : scalar)
            }
        }
    }

    /// At most `limit` characters, with an ellipsis when cut (legends and hover titles stay short).
    static func truncated(_ content: String, to limit: Int) -> String {
        content.count <= limit ? content : String(content.prefix(limit - 1)) + "…"
    }
}
