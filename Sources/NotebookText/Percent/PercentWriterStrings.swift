/// Python's `str.startswith` / `str.endswith`, which compare code points. Swift's `hasPrefix` and
/// `hasSuffix` compare grapheme clusters: `"x\r\n".hasSuffix("\n")` and `"#\u{301}".hasPrefix("#")`
/// are false, where Python says True.
extension StringProtocol {
    func scalarsStart(with prefix: String) -> Bool {
        unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    func scalarsEnd(with suffix: String) -> Bool {
        unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }
}
