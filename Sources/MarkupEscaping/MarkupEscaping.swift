/// Escaping for HTML, SVG and XML text and attribute values (either quote style), one rule for
/// all three: `& < > " '` become entities, and the characters XML 1.0 forbids (C0 controls other
/// than tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD, so the output is well-formed everywhere.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    /// Escapes `text` onto `output` without an intermediate string.
    public static func append(_ text: String, to output: inout String) {
        guard text.utf8.contains(where: mayNeedEscaping) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                let isForbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                output.unicodeScalars.append(isForbidden ? "\u{FFFD}" : scalar)
            }
        }
    }

    /// The bytes that start something to escape: the five characters, controls, and 0xEF (the
    /// lead byte of U+FFFE and U+FFFF, among others; the slow path decides).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte < 0x20 || byte == 0xEF
    }
}
