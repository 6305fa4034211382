/// Smoothing of noisy series, as TensorBoard draws it.
public enum Smoothing {
    /// TensorBoard's debiased exponential moving average.
    ///
    /// `last = last * weight + (1 - weight) * y`, divided by `1 - weight^n` (n finite values seen so far) so the
    /// start is not pulled towards zero. Non-finite values pass through unchanged and do not enter the average;
    /// a constant series is returned unchanged (the debiasing would only add rounding noise).
    /// - Parameters:
    ///   - points: Samples in x order.
    ///   - weight: In 0 ..< 1 (clamped to 0...0.999); 0 returns the input.
    /// - Returns: One point per input point, same x.
    public static func exponentialMovingAverage(_ points: [ChartPoint], weight: Double) -> [ChartPoint] {
        var smoothed = points
        forEachSmoothedValue(points, weight: weight) { index, value in smoothed[index].y = value }
        return smoothed
    }

    /// The smoothed values at `indices` (ascending) only: one pass, no copy of a long series.
    static func smoothedValues(_ points: [ChartPoint], weight: Double, at indices: [Int]) -> [Double] {
        var values = indices.map { points[$0].y }
        var next = 0
        forEachSmoothedValue(points, weight: weight) { index, value in
            while next < indices.count, indices[next] < index { next += 1 }
            if next < indices.count, indices[next] == index { values[next] = value }
        }
        return values
    }

    /// Calls `body` with each finite point's index and smoothed value (nothing for weight 0 or a constant series).
    private static func forEachSmoothedValue(
        _ points: [ChartPoint],
        weight: Double,
        _ body: (Int, Double) -> Void
    ) {
        guard weight > 0, let first = points.first, !points.allSatisfy({ $0.y == first.y }) else { return }
        let weight = min(weight, 0.999)
        var last = 0.0
        var weightPower = 1.0  // weight^n, kept as a running product
        for (index, point) in points.enumerated() where point.y.isFinite {
            last = last * weight + (1 - weight) * point.y
            // Once weight^n is below 1e-17, 1 - weight^n is exactly 1: skip the division (and subnormal products).
            if weightPower > 1e-17 {
                weightPower *= weight
                body(index, last / (1 - weightPower))
            } else {
                body(index, last)
            }
        }
    }
}
