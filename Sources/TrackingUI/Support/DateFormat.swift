/// Times and durations as the pages show them: UTC, no locale, no Foundation.
enum DateFormat {
    /// `2026-11-27 18:36:51` (UTC) for milliseconds since the Unix epoch.
    static func utc(_ milliseconds: Int64) -> String {
        let (date, time) = parts(milliseconds)
        return date + " " + time
    }

    /// `2026-11-27T18:36:51Z`, for `<time datetime>`.
    static func iso(_ milliseconds: Int64) -> String {
        let (date, time) = parts(milliseconds)
        return date + "T" + time + "Z"
    }

    private static func parts(_ milliseconds: Int64) -> (String, String) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let date = "\(year)-\(pad(month))-\(pad(day))"
        let time = "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
        return (date, time)
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day count.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
