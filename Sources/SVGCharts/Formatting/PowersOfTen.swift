/// Powers of ten as the nearest `Double`s (no Foundation `pow`/`log10`).
enum PowersOfTen {
    static let smallestExponent = -323
    static let largestExponent = 308
    /// Parsed from "1eK" once: the standard library's parser rounds correctly, repeated multiplication would not.
    static let table: [Double] = (smallestExponent...largestExponent).map { Double("1e\($0)") ?? 0 }

    /// 10^k (0 below the smallest subnormal, infinity above the largest finite).
    static func value(_ exponent: Int) -> Double {
        if exponent < smallestExponent { return 0 }
        if exponent > largestExponent { return .infinity }
        return table[exponent - smallestExponent]
    }

    /// The k with 10^k <= magnitude < 10^(k+1), for a finite magnitude > 0.
    static func exponent(of magnitude: Double) -> Int {
        // Below 1e-323 (the table's end) only the subnormals 5e-324 and 1e-323's neighbours remain.
        if magnitude < value(smallestExponent) { return smallestExponent - 1 }
        // log10(2) estimate from the binary exponent, then corrected against the table.
        var exponent = Int((Double(magnitude.exponent) * 0.301_029_995_663_981_2).rounded(.down))
        exponent = min(max(exponent, smallestExponent), largestExponent)
        while exponent > smallestExponent, value(exponent) > magnitude { exponent -= 1 }
        while exponent < largestExponent, value(exponent + 1) <= magnitude { exponent += 1 }
        return exponent
    }

    /// `magnitude × 10^shift`, in two steps when 10^shift alone would leave the table; divides for negative shifts
    /// (dividing by an exact power of ten rounds once, multiplying by an inexact 10^-k twice).
    static func scale(_ magnitude: Double, by shift: Int) -> Double {
        if shift > 300 { return magnitude * value(300) * value(shift - 300) }
        if shift < -300 { return magnitude / value(300) / value(-shift - 300) }
        if shift < 0 { return magnitude / value(-shift) }
        return magnitude * value(shift)
    }
}
