/// "Nice" ticks: steps of 1, 2 or 5 × 10^k, 4 to 8 of them.
public enum AxisTicks {
    /// At most this many ticks.
    static let maximumCount = 8

    /// A numeric axis covering `low...high`, widened to whole multiples of the smallest nice step that gives
    /// at most 8 ticks. Equal ends are padded (±10 %, or ±1 around zero); non-finite ends become 0...1.
    public static func numeric(low: Double, high: Double) -> AxisScale {
        var (low, high) = (min(low, high), max(low, high))
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high {
            let padding = low == 0 ? 1 : abs(low) / 10
            (low, high) = (clampedFinite(low - padding), clampedFinite(high + padding))
        }
        let halfSpan = high / 2 - low / 2
        let firstExponent = PowersOfTen.exponent(of: halfSpan) - 2  // steps this small give ≥ 100 ticks
        for exponent in firstExponent...(firstExponent + 4) {
            for multiplier in [1, 2, 5] {
                if let scale = multiples(of: multiplier, exponent: exponent, low: low, high: high) {
                    return scale
                }
            }
        }
        // Unreachable for finite input; two plain labels keep the chart valid regardless.
        return AxisScale(
            low: low,
            high: high,
            ticks: [low, high].map { AxisTick(value: $0, label: ChartNumberFormat.value($0)) }
        )
    }

    /// The scale with ticks at multiples of `multiplier × 10^exponent`, or nil when that gives more than 8 ticks.
    private static func multiples(of multiplier: Int, exponent: Int, low: Double, high: Double) -> AxisScale? {
        let step = Double(multiplier) * PowersOfTen.value(exponent)
        // A little slack so that 0.3 / 0.1 = 2.9999999999999996 still counts as 3.
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        guard abs(first) < 1e15, abs(last) < 1e15, last - first + 1 <= Double(maximumCount) else { return nil }
        let ticks = (Int(first)...Int(last)).map { index -> AxisTick in
            let decimal = ScaledDecimal(isNegative: index < 0, coefficient: abs(index) * multiplier, exponent: exponent)
            return AxisTick(value: decimal.doubleValue, label: decimal.text(suffixes: true))
        }
        guard let lowest = ticks.first?.value, let highest = ticks.last?.value, lowest.isFinite, highest.isFinite
        else {
            // Widening overflowed (ends near ±Double.greatestFiniteMagnitude): keep the data's ends.
            return AxisScale(low: low, high: high, ticks: ticks.filter { $0.value.isFinite })
        }
        return AxisScale(low: min(lowest, low), high: max(highest, high), ticks: ticks)
    }

    private static func clampedFinite(_ value: Double) -> Double {
        min(max(value, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
    }
}
