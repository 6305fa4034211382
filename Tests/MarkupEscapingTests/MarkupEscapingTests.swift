import MarkupEscaping
import Testing

@Suite struct MarkupEscapingTests {
    @Test func theFiveCharactersBecomeEntities() {
        #expect(MarkupEscaping.escape("<script>alert('x') & \"y\"</script>")
            == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(MarkupEscaping.escape("plain, é and 日本") == "plain, é and 日本")
        #expect(MarkupEscaping.escape("") == "")
    }

    /// XML 1.0 allows tab, LF and CR among the C0 controls, and neither U+FFFE nor U+FFFF.
    @Test func charactersXMLForbidsBecomeReplacementCharacters() {
        #expect(MarkupEscaping.escape("a\u{01}b\u{1B}[0m\tc\nd\re") == "a\u{FFFD}b\u{FFFD}[0m\tc\nd\re")
        #expect(MarkupEscaping.escape("x\u{FFFE}y\u{FFFF}z") == "x\u{FFFD}y\u{FFFD}z")
        // Other characters whose UTF-8 starts with 0xEF, as U+FFFE does, are kept.
        #expect(MarkupEscaping.escape("\u{FF21}\u{FFFD}\u{F900}") == "\u{FF21}\u{FFFD}\u{F900}")
    }

    @Test func appendingKeepsWhatIsThere() {
        var output = "<p>"
        MarkupEscaping.append("1 < 2", to: &output)
        MarkupEscaping.append("plain", to: &output)
        #expect(output == "<p>1 &lt; 2plain")
    }
}
