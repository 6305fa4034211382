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
                try prepare("UPDATE metric_blocks SET points = points || ? WHERE series_id = ? AND first_seq = ?")
                    .run([bytes, .integer(seriesId), .integer(blockStart)])
            }
            seq += Int64(chunk.count)
            rest = rest.dropFirst(chunk.count)
        }
    }

    /// Every point of the series in logging order, from its blocks.
    func packedPoints(of series: MetricSeriesSlot, key: String) throws -> [Metric] {
        var points: [Metric] = []
        points.reserveCapacity(Int(min(series.count, 1 << 24)))
        let select = try prepare("SELECT points FROM metric_blocks WHERE series_id = ? ORDER BY first_seq")
            .bind([.integer(series.id)])
        while try select.step() {
            select.withBlob(0) { MetricBlock.decode($0, key: key, into: &points) }
        }
        return points
    }
}
