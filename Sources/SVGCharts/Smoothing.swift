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
        guard weight > 0, let first = points.first else { return points }
        let weight = min(weight, 0.999)
        if points.allSatisfy({ $0.y == first.y }) { return points }
        var smoothed = points
        var last = 0.0
        var weightPower = 1.0  // weight^n, kept as a running product
        for index in smoothed.indices where smoothed[index].y.isFinite {
            last = last * weight + (1 - weight) * smoothed[index].y
            weightPower *= weight
            smoothed[index].y = last / (1 - weightPower)
        }
        return smoothed
    }
}
