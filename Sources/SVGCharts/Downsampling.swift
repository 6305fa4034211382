/// Shape-preserving downsampling of long series.
public enum Downsampling {
    /// Largest-Triangle-Three-Buckets (Steinarsson, "Downsampling Time Series for Visual Representation", 2013).
    ///
    /// Keeps the first and last points; splits the rest into `threshold - 2` buckets and keeps, from each, the point
    /// forming the largest triangle with the previously kept point and the average of the next bucket. Peaks survive.
    /// - Parameters:
    ///   - points: Samples in x order, with finite coordinates (drop non-finite ones first).
    ///   - threshold: How many points to keep.
    /// - Returns: `threshold` points, or `points` unchanged when `threshold >= points.count` or `threshold < 3`.
    public static func largestTriangleThreeBuckets(_ points: [ChartPoint], threshold: Int) -> [ChartPoint] {
        guard threshold >= 3, threshold < points.count else { return points }
        return largestTriangleThreeBucketsIndices(points, threshold: threshold).map { points[$0] }
    }

    /// The indices LTTB keeps (see ``largestTriangleThreeBuckets(_:threshold:)``), ascending.
    static func largestTriangleThreeBucketsIndices(_ points: [ChartPoint], threshold: Int) -> [Int] {
        let count = points.count
        guard threshold >= 3, threshold < count else { return Array(points.indices) }
        let buckets = threshold - 2
        let inner = count - 2
        // Bucket b covers points 1 + floor(b * inner / buckets) ..< 1 + floor((b + 1) * inner / buckets);
        // integer arithmetic gives the thesis's floor((b) * every) + 1 without rounding drift.
        func bucketStart(_ bucket: Int) -> Int { 1 + bucket * inner / buckets }

        var kept: [Int] = []
        kept.reserveCapacity(threshold)
        kept.append(0)
        var previous = 0
        points.withUnsafeBufferPointer { data in
            for bucket in 0..<buckets {
                // The next bucket's average; for the last bucket, the last point alone.
                let nextStart = bucketStart(bucket + 1)
                let nextEnd = min(bucketStart(bucket + 2), count)
                var averageX = 0.0
                var averageY = 0.0
                for index in nextStart..<nextEnd {
                    averageX += data[index].x
                    averageY += data[index].y
                }
                let nextCount = Double(nextEnd - nextStart)
                averageX /= nextCount
                averageY /= nextCount

                let anchor = data[previous]
                let start = bucketStart(bucket)
                var chosen = start
                var largestArea = -1.0
                for index in start..<nextStart {
                    // Twice the triangle's area; the factor does not change which is largest.
                    let area = abs(
                        (anchor.x - averageX) * (data[index].y - anchor.y)
                            - (anchor.x - data[index].x) * (averageY - anchor.y)
                    )
                    if area > largestArea {
                        largestArea = area
                        chosen = index
                    }
                }
                kept.append(chosen)
                previous = chosen
            }
        }
        kept.append(count - 1)
        return kept
    }
}
