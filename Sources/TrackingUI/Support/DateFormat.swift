import SVGCharts

/// Times and durations as the pages show them: UTC (the charts' calendar), no locale, no Foundation.
enum DateFormat {
    /// `2026-11-27 18:36:51` (UTC) for milliseconds since the Unix epoch.
    static func utc(_ milliseconds: Int64) -> String {
        guard let time = UTCDateTime(millisecondsSinceEpoch: Double(milliseconds)) else { return String(milliseconds) }
        return time.date + " " + time.hoursMinutesSeconds
    }

    /// `2026-11-27T18:36:51Z`, for `<time datetime>`.
    static func iso(_ milliseconds: Int64) -> String {
        guard let time = UTCDateTime(millisecondsSinceEpoch: Double(milliseconds)) else { return String(milliseconds) }
        return time.date + "T" + time.hoursMinutesSeconds + "Z"
    }

    /// `450 ms`, `3.4 s`, `2 min 05 s`, `1 h 02 min`, `3 d 04 h`.
    static func duration(_ milliseconds: Int64) -> String {
        let ms = max(0, milliseconds)
        if ms < 1000 { return "\(ms) ms" }
        if ms < 60_000 {
            let tenths = (ms + 50) / 100
            return tenths % 10 == 0 || tenths >= 100 ? "\((ms + 500) / 1000) s" : "\(tenths / 10).\(tenths % 10) s"
        }
        let seconds = (ms + 500) / 1000
        if seconds < 3600 { return "\(seconds / 60) min \(pad(seconds % 60)) s" }
        let minutes = (seconds + 30) / 60
        if minutes < 24 * 60 { return "\(minutes / 60) h \(pad(minutes % 60)) min" }
        let hours = (minutes + 30) / 60
        return "\(hours / 24) d \(pad(hours % 24)) h"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
