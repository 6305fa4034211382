/// An exact decimal `±coefficient × 10^exponent`, so tick labels read 0.3 and never 0.30000000000000004.
struct ScaledDecimal: Hashable, Sendable {
    var isNegative: Bool
    var coefficient: Int
    var exponent: Int

    init(isNegative: Bool = false, coefficient: Int, exponent: Int) {
        self.isNegative = isNegative && coefficient != 0
        self.coefficient = coefficient
        self.exponent = exponent
        // Normalize: no trailing zeros in the coefficient.
        while self.coefficient != 0, self.coefficient % 10 == 0 {
            self.coefficient /= 10
            self.exponent += 1
        }
    }

    /// `value` rounded to `digits` significant digits; nil when not finite.
    init?(rounding value: Double, significantDigits digits: Int) {
        guard value.isFinite else { return nil }
        guard value != 0 else {
            self.init(coefficient: 0, exponent: 0)
            return
        }
        let magnitude = abs(value)
        var shift = digits - 1 - PowersOfTen.exponent(of: magnitude)
        var rounded = PowersOfTen.scale(magnitude, by: shift).rounded()
        if rounded >= PowersOfTen.value(digits) {  // 9.9999 rounded up to 10.000: one digit too many
            rounded = (rounded / 10).rounded()
            shift -= 1
        }
        guard rounded.isFinite, rounded < 1e18 else { return nil }
        self.init(isNegative: value < 0, coefficient: Int(rounded), exponent: -shift)
    }

    /// The nearest `Double`.
    var doubleValue: Double {
        let magnitude = PowersOfTen.scale(Double(coefficient), by: exponent)
        return isNegative ? -magnitude : magnitude
    }

    /// Compact text: plain decimals from 0.0001, scientific (`2.5e-05`, `1e+16`) beyond,
    /// and with `suffixes` thousands as k/M/G/T (`1.2k`, `3M`).
    func text(suffixes: Bool) -> String {
        guard coefficient != 0 else { return "0" }
        let digits = String(coefficient)
        let leading = digits.count - 1 + exponent  // decimal exponent of the first digit
        let sign = isNegative ? "-" : ""
        if leading >= 15 || leading < -4 {
            var text = sign + String(digits.prefix(1))
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let power = abs(leading)
            return text + (leading < 0 ? "e-" : "e+") + (power < 10 ? "0" : "") + String(power)
        }
        if suffixes, leading >= 3 {
            let group = min(leading / 3, 4)
            let suffix = ["k", "M", "G", "T"][group - 1]
            return sign + Self.plain(digits, exponent: exponent - 3 * group) + suffix
        }
        return sign + Self.plain(digits, exponent: exponent)
    }

    private static func plain(_ digits: String, exponent: Int) -> String {
        if exponent >= 0 { return digits + String(repeating: "0", count: exponent) }
        let point = digits.count + exponent
        if point > 0 { return digits.prefix(point) + "." + digits.dropFirst(point) }
        return "0." + String(repeating: "0", count: -point) + digits
    }
}
