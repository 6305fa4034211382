/// Header dates as jupyter_client parses them and nbclient re-formats them
/// (`%Y-%m-%dT%H:%M:%S.%fZ`): six fraction digits and a `Z`, whatever precision the kernel sent.
public enum MessageDate {
    public static func normalized(_ date: String) -> String? {
        var text = Substring(date)
        if text.hasSuffix("Z") {
            text = text.dropLast()
        } else if text.hasSuffix("+00:00") {
            text = text.dropLast(6)
        } else if date.count > 19 && (text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")) {
            return nil  // another offset: rare enough to leave to the fallback
        }
        guard text.count >= 19 else { return nil }
        let seconds = text.prefix(19)
        var fraction = text.dropFirst(19)
        if fraction.hasPrefix(".") { fraction = fraction.dropFirst() }
        let digits = String(fraction.prefix(6))
        guard digits.allSatisfy(\.isNumber) else { return nil }
        return seconds + "." + digits + String(repeating: "0", count: 6 - digits.count) + "Z"
    }
}
