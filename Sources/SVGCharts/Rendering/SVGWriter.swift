import MarkupEscaping

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

    /// Text or attribute content, escaped (``MarkupEscaping``: entities, and U+FFFD for the
    /// control characters XML 1.0 forbids).
    mutating func escaped(_ content: String) {
        MarkupEscaping.append(content, to: &text)
    }

    /// At most `limit` characters, with an ellipsis when cut (legends and hover titles stay short).
    static func truncated(_ content: String, to limit: Int) -> String {
        content.count <= limit ? content : String(content.prefix(limit - 1)) + "…"
    }
}
