/// Number text for charts, by hand (no `String(format:)`).
public enum ChartNumberFormat {
    /// A value for reading (hover, text alternative): 5 significant digits, plain or scientific,
    /// "NaN", "Infinity", "-Infinity" for non-finite values.
    public static func value(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return ScaledDecimal(rounding: value, significantDigits: 5)?.text(suffixes: false) ?? value.description
    }

    /// A step: exact when it is a whole number, else like ``value(_:)``.
    public static func step(_ step: Double) -> String {
        if step.isFinite, step.rounded() == step, abs(step) < 1e15 { return String(Int(step)) }
        return value(step)
    }

    /// Appends a pixel coordinate with at most one decimal place ("12", "12.5", "-3.1"); "0" for non-finite input,
    /// so the output never holds NaN.
    static func appendPixel(_ pixel: Double, to text: inout String) {
        guard pixel.isFinite, abs(pixel) < 1e9 else {
            text += "0"
            return
        }
        var tenths = Int((pixel * 10).rounded())
        if tenths < 0 {
            text += "-"
            tenths = -tenths
        }
        text += String(tenths / 10)
        let fraction = tenths % 10
        if fraction != 0 {
            text += "."
            text += String(fraction)
        }
    }
}
