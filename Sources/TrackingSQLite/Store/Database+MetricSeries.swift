import Tracking

/// A (run, key)'s row in `metric_series` while a batch appends to it.
struct MetricSeriesSlot {
    let id: Int64
    /// The `seq` of the series' next point (its point count).
    private(set) var count: Int64
    /// The points this batch added, from `seq` `count - appended.count` on.
    private(set) var appended: [Metric] = []

    init(id: Int64, count: Int64) {
        self.id = id
        self.count = count
    }

    mutating func append(_ point: Metric) {
        appended.append(point)
        count += 1
    }
}

/// A key compared byte for byte, as SQLite compares text. Swift's `String` equality follows
/// Unicode canonical equivalence: "temp_K" and "temp_\u{212A}" (KELVIN SIGN) would be one key in
/// a `[String: …]`, and one batch would pour one metric's points into the other's series.
struct ExactKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension Database {
    /// The series of `key` in the run, made when the run logs the key for the first time.
    func metricSeries(runId: String, key: String) throws -> MetricSeriesSlot {
        if let found = try existingMetricSeries(runId: runId, key: key) { return found }
        try prepare("INSERT INTO metric_series (run_uuid, key, point_count) VALUES (?, ?, 0)").run([.text(runId), .text(key)])
        return MetricSeriesSlot(id: lastInsertedRowId, count: 0)
    }

    /// The series of `key` in the run, or nil when the run never logged it.
    func existingMetricSeries(runId: String, key: String) throws -> MetricSeriesSlot? {
        let select = try prepare("SELECT series_id, point_count FROM metric_series WHERE run_uuid = ? AND key = ?")
            .bind([.text(runId), .text(key)])
        defer { select.reset() }
        guard try select.step() else { return nil }
        return MetricSeriesSlot(id: select.int64(0), count: select.int64(1))
    }

    /// Records a batch's new points: the series' count, and the points packed onto its blocks.
    func saveAppended(_ slot: MetricSeriesSlot) throws {
        guard !slot.appended.isEmpty else { return }
        try prepare("UPDATE metric_series SET point_count = ? WHERE series_id = ?").run([.integer(slot.count), .integer(slot.id)])
        try appendToBlocks(seriesId: slot.id, firstSeq: slot.count - Int64(slot.appended.count), slot.appended[...])
    }

    /// Packs points with consecutive `seq`s from `firstSeq` onto the series' blocks: a block
    /// starts at a multiple of ``MetricBlock/capacity`` and grows by concatenation until full.
    func appendToBlocks(seriesId: Int64, firstSeq: Int64, _ points: ArraySlice<Metric>) throws {
        var seq = firstSeq
        var rest = points
        while !rest.isEmpty {
            let blockStart = MetricBlock.start(of: seq)
            let chunk = rest.prefix(Int(blockStart + MetricBlock.capacity - seq))
            let bytes = SQLValue.blob(MetricBlock.encode(chunk))
            if seq == blockStart {
                try prepare("INSERT INTO metric_blocks (series_id, first_seq, points) VALUES (?, ?, ?)")
                    .run([.integer(seriesId), .integer(blockStart), bytes])
            } else {
                // `||` makes TEXT even of two blobs; the cast keeps the column a BLOB (a TEXT
                // value with zero bytes in it would not survive `.dump`).
                try prepare("UPDATE metric_blocks SET points = CAST(points || ? AS BLOB) WHERE series_id = ? AND first_seq = ?")
                    .run([bytes, .integer(seriesId), .integer(blockStart)])
                guard changes == 1 else {
                    throw TrackingError(
                        .internalError, "The store is damaged: metric_blocks has no block \(blockStart) of series \(seriesId)")
                }
            }
            seq += Int64(chunk.count)
            rest = rest.dropFirst(chunk.count)
        }
    }

    /// Every point of the series in logging order, from its blocks; nil when the blocks do not
    /// hold exactly the series' points (a damaged or hand-edited file), so the caller reads the
    /// rows instead of drawing a chart with points missing.
    func packedPoints(of series: MetricSeriesSlot, key: String) throws -> [Metric]? {
        var points: [Metric] = []
        points.reserveCapacity(Int(min(series.count, 1 << 24)))
        let select = try prepare("SELECT first_seq, points FROM metric_blocks WHERE series_id = ? ORDER BY first_seq")
            .bind([.integer(series.id)])
        while try select.step() {
            let expected = min(MetricBlock.capacity, series.count - select.int64(0)) * Int64(MetricBlock.pointSize)
            guard select.int64(0) == Int64(points.count), select.withBlob(1, { Int64($0.count) }) == expected else {
                return nil
            }
            select.withBlob(1) { MetricBlock.decode($0, key: key, into: &points) }
        }
        return points.count == series.count ? points : nil
    }

    /// The series' points from its rows in the API's order (step, timestamp, seq): a page, or all
    /// of them (SQLite's `LIMIT -1`).
    func rowPoints(of series: MetricSeriesSlot, key: String, limit: Int64 = -1, offset: Int64 = 0) throws -> [Metric] {
        var points: [Metric] = []
        let select = try prepare(
            "SELECT value, is_nan, timestamp, step FROM metric_points WHERE series_id = ? "
                + "ORDER BY step, timestamp, seq LIMIT ? OFFSET ?"
        ).bind([.integer(series.id), .integer(limit), .integer(offset)])
        while try select.step() {
            let value = select.int64(1) != 0 ? Double.nan : select.double(0)
            points.append(Metric(key: key, value: value, timestamp: select.int64(2), step: select.int64(3)))
        }
        return points
    }
}
