#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers shown compactly: at most four significant digits, scientific when tiny or huge.
enum NumberFormat {
    /// `0.8731`, `12`, `1235`, `1.235e+06`, `2.5e-05`, `NaN`, `inf`.
    static func compact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            if value == value.rounded() && magnitude < 1e4 { return String(Int64(value)) }
            return fixed(value, significant: 4)
        }
        var exponent = Int(floor(log10(magnitude)))
        var mantissa = value / power(exponent)
        if abs(fixedRounded(mantissa, decimals: 3)) >= 10 {
            exponent += 1
            mantissa = value / power(exponent)
        }
        let digits = fixed(mantissa, significant: 4)
        let sign = exponent < 0 ? "-" : "+"
        let exponentText = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
        return "\(digits)e\(sign)\(exponentText)"
    }

    /// Rounds to `significant` digits and drops trailing zeros (`0.5000` → `0.5`).
    static func fixed(_ value: Double, significant: Int) -> String {
        let magnitude = abs(value)
        let leading = magnitude >= 1 ? Int(floor(log10(magnitude))) + 1 : -Int(floor(-log10(magnitude)))
        let decimals = max(0, significant - leading)
        let scale = power(decimals)
        var scaled = Int64((magnitude * scale).rounded())
        var fraction = ""
        if decimals > 0 {
            var digits: [Character] = []
            for _ in 0..<decimals {
                digits.append(Character(String(scaled % 10)))
                scaled /= 10
            }
            fraction = String(digits.reversed())
            while fraction.last == "0" { fraction.removeLast() }
        }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(scaled)" : "\(sign)\(scaled).\(fraction)"
    }

    private static func fixedRounded(_ value: Double, decimals: Int) -> Double {
        (value * power(decimals)).rounded() / power(decimals)
    }

    private static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
