extension AxisTicks {
    private static let second = 1000
    private static let minute = 60 * second
    private static let hour = 60 * minute
    private static let day = 24 * hour

    /// Tick steps in milliseconds, round in UTC (multiples of them from the epoch fall on whole seconds,
    /// minutes, hours, days).
    private static let timeSteps: [Int] = {
        var steps = [1, 2, 5, 10, 20, 50, 100, 200, 500]
        steps += [1, 2, 5, 10, 15, 30].map { $0 * second }
        steps += [1, 2, 5, 10, 15, 30].map { $0 * minute }
        steps += [1, 2, 3, 6, 12].map { $0 * hour }
        steps += [1, 2, 7, 14, 30, 60, 90, 180].map { $0 * day }
        steps += [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map { $0 * 365 * day }
        return steps
    }()

    /// A time axis for `low...high` in milliseconds since the Unix epoch: ticks at the smallest round UTC step
    /// giving at most 8, labelled HH:MM:SS.mmm, HH:MM:SS, HH:MM (midnight as MM-DD) or MM-DD (YYYY-MM-DD when
    /// the ticks span years) as the step needs. Times outside years 1–9999 get a numeric axis instead.
    public static func time(lowMilliseconds: Double, highMilliseconds: Double) -> AxisScale {
        var (low, high) = (min(lowMilliseconds, highMilliseconds), max(lowMilliseconds, highMilliseconds))
        if low == high { (low, high) = (low - 30_000, high + 30_000) }
        guard UTCDateTime(millisecondsSinceEpoch: low) != nil, UTCDateTime(millisecondsSinceEpoch: high) != nil
        else { return numeric(low: lowMilliseconds, high: highMilliseconds) }

        let span = high - low
        let step = timeSteps.first { span / Double($0) <= Double(maximumCount - 1) } ?? timeSteps[timeSteps.count - 1]
        let first = Int((low / Double(step)).rounded(.up))
        let last = Int((high / Double(step)).rounded(.down))
        let times: [(value: Double, time: UTCDateTime)] = first > last ? [] : (first...last).compactMap { index in
            let value = Double(index * step)
            return UTCDateTime(millisecondsSinceEpoch: value).map { (value, $0) }
        }
        let spansYears = Set(times.map { $0.time.year }).count > 1
        let ticks = times.map { value, time -> AxisTick in
            let label: String
            if step < second {
                label = time.withMilliseconds
            } else if step < minute {
                label = time.hoursMinutesSeconds
            } else if step < day {
                label = time.isMidnight ? time.monthDay : time.hoursMinutes
            } else {
                label = spansYears ? time.date : time.monthDay
            }
            return AxisTick(value: value, label: label)
        }
        let start = UTCDateTime(millisecondsSinceEpoch: low)
        let caption = step < day ? "UTC, from " + (start.map { $0.date + " " + $0.hoursMinutesSeconds } ?? "") : "UTC"
        return AxisScale(low: low, high: high, ticks: ticks, caption: caption)
    }
}
