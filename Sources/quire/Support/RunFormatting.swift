#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tracking

/// How `quire runs` writes times, durations and values.
enum RunFormatting {
    /// `2026-11-27 17:05:09` in UTC.
    static func time(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "" }
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    /// `850ms`, `12.3s`, `4m05s`, `2h03m`; empty for a run still going.
    static func duration(_ info: RunInfo) -> String {
        guard let end = info.endTime else { return "" }
        let ms = max(0, end - info.startTime)
        if ms < 1000 { return "\(ms)ms" }
        if ms < 60_000 { return "\(ms / 1000).\((ms % 1000) / 100)s" }
        let seconds = ms / 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if seconds < 3600 { return "\(seconds / 60)m\(two(seconds % 60))s" }
        return "\(seconds / 3600)h\(two((seconds % 3600) / 60))m"
    }

    /// Up to 6 significant digits, as `%g` does.
    static func value(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
        return String(cString: buffer)
    }

    static func shortId(_ id: String) -> String { String(id.prefix(8)) }
}
