import Tracking

/// One key's history packed for charts (`metric_blocks`): the points in logging order, 24 bytes
/// each (step, timestamp, the value's IEEE bits; little-endian), at most ``capacity`` per blob.
///
/// `metric_points` stays the truth for the API's pages and for dropping duplicates; a chart reads
/// 100,000 points as ~800 blobs instead of stepping through 100,000 rows (~30 ms in SQLite).
enum MetricBlock {
    /// 128 × 24 bytes stays inside one 4 KB table page: no overflow chain to follow on read.
    static let capacity: Int64 = 128
    static let pointSize = 24

    /// The `seq` of the first point of the block that holds point `seq`.
    static func start(of seq: Int64) -> Int64 { seq - seq % capacity }

    static func encode(_ points: ArraySlice<Metric>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(points.count * pointSize)
        func append(_ word: UInt64) { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        for point in points {
            append(UInt64(bitPattern: point.step))
            append(UInt64(bitPattern: point.timestamp))
            append(canonical(point.value).bitPattern)
        }
        return bytes
    }

    /// The value as the rows give it back: SQLite stores -0.0 as 0, and NaN has one pattern.
    static func canonical(_ value: Double) -> Double {
        value.isNaN ? .nan : (value == 0 ? 0 : value)
    }

    /// Appends the points of one blob; a trailing partial point (a damaged blob) is ignored.
    static func decode(_ bytes: UnsafeRawBufferPointer, key: String, into points: inout [Metric]) {
        for offset in stride(from: 0, to: bytes.count - pointSize + 1, by: pointSize) {
            let step = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            let timestamp = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self))
            let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            points.append(Metric(key: key, value: Double(bitPattern: bits), timestamp: timestamp, step: step))
        }
    }

    /// Points in logging order put in the API's history order: step, timestamp, then logging
    /// order. Usually already so (steps grow), which one pass confirms.
    static func historyOrder(_ points: [Metric]) -> [Metric] {
        let inOrder = zip(points, points.dropFirst()).allSatisfy { ($0.step, $0.timestamp) <= ($1.step, $1.timestamp) }
        if inOrder { return points }
        return points.indices
            .sorted { (points[$0].step, points[$0].timestamp, $0) < (points[$1].step, points[$1].timestamp, $1) }
            .map { points[$0] }
    }
}
