import SVGCharts
import Testing

/// Values for hover titles and the text alternative: five significant digits, no float noise.
struct ChartNumberFormatTests {
    static let cases: [(Double, String)] = [
        (0.1 + 0.2, "0.3"),
        (0.873_123_4, "0.87312"),
        (2.5e-5, "2.5e-05"),
        (-0.001, "-0.001"),
        (123_456_789, "123460000"),
        (1e16, "1e+16"),
        (0, "0"),
        (9.999_99, "10"),
        (.nan, "NaN"),
        (-.infinity, "-Infinity"),
        (.leastNonzeroMagnitude, "4.9407e-324"),
        (Double.greatestFiniteMagnitude, "1.7977e+308"),
    ]

    @Test(arguments: cases)
    func valuesAreShortAndExact(_ example: (Double, String)) {
        #expect(ChartNumberFormat.value(example.0) == example.1)
    }

    @Test func stepsAreWholeNumbers() {
        #expect(ChartNumberFormat.step(120) == "120")
        #expect(ChartNumberFormat.step(123_456_789) == "123456789")
        #expect(ChartNumberFormat.step(2.5) == "2.5")
    }
}
