import Testing
@testable import TrackingUI

@Suite struct FormattingTests {
    @Test func utcTimes() {
        #expect(DateFormat.utc(0) == "1970-01-01 00:00:00")
        #expect(DateFormat.utc(1_700_000_000_000) == "2023-11-14 22:13:20")
        #expect(DateFormat.iso(951_782_400_000) == "2000-02-29T00:00:00Z")
        #expect(DateFormat.utc(-1000) == "1969-12-31 23:59:59")
    }

    @Test func humanDurations() {
        #expect(DateFormat.duration(450) == "450 ms")
        #expect(DateFormat.duration(3_400) == "3.4 s")
        #expect(DateFormat.duration(12_000) == "12 s")
        #expect(DateFormat.duration(125_000) == "2 min 05 s")
        #expect(DateFormat.duration(3_723_000) == "1 h 02 min")
        #expect(DateFormat.duration(273_600_000) == "3 d 04 h")
    }

    @Test func compactNumbers() {
        #expect(NumberFormat.compact(0.87312) == "0.8731")
        #expect(NumberFormat.compact(12) == "12")
        #expect(NumberFormat.compact(-3.5) == "-3.5")
        #expect(NumberFormat.compact(1234.56) == "1235")
        #expect(NumberFormat.compact(1_234_567) == "1.235e+06")
        #expect(NumberFormat.compact(0.000025) == "2.5e-05")
        #expect(NumberFormat.compact(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.compact(.nan) == "NaN")
        #expect(NumberFormat.compact(-.infinity) == "-inf")
        #expect(NumberFormat.compact(0) == "0")
    }

    @Test func markdownEscapesHTMLAndUnsafeLinks() {
        #expect(Markdown.html("<script>alert('x')</script>") == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n")
        #expect(Markdown.html("[ok](https://example.com/a?b=1&c=2) [bad](javascript:alert(1))")
            == "<p><a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">ok</a> bad (javascript:alert(1))</p>\n")
        #expect(Markdown.html("## Plan\n- one *a*\n- `two<`\n\n1. x\n2. y")
            == "<h4>Plan</h4>\n<ul><li>one <em>a</em></li><li><code>two&lt;</code></li></ul>\n<ol><li>x</li><li>y</li></ol>\n")
        #expect(Markdown.html("```\n<b>raw</b>\n```") == "<pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>\n")
        #expect(Markdown.html("[x](\"><img src=x onerror=alert(1)>)").contains("<img") == false)
    }

    /// CommonMark: underscores inside words are text (snake_case names, `window.__x`).
    @Test func markdownLeavesIntrawordUnderscoresAlone() {
        #expect(Markdown.html("set learning_rate and batch_size") == "<p>set learning_rate and batch_size</p>\n")
        #expect(Markdown.html("window.__pwned = 1 or window.__pwned = 2") == "<p>window.__pwned = 1 or window.__pwned = 2</p>\n")
        #expect(Markdown.html("a _real_ and __strong__ word") == "<p>a <em>real</em> and <strong>strong</strong> word</p>\n")
        #expect(Markdown.html("in*side*word") == "<p>in<em>side</em>word</p>\n")
    }
}
