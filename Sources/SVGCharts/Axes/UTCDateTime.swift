/// A UTC calendar date and time from milliseconds since the Unix epoch (proleptic Gregorian, no Foundation).
struct UTCDateTime: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int

    static let millisecondsPerDay = 86_400_000
    /// Years 1 through 9999; outside that the time axis falls back to plain numbers.
    static let supportedMilliseconds = -62_135_596_800_000.0...253_402_300_799_999.0

    init?(millisecondsSinceEpoch: Double) {
        guard Self.supportedMilliseconds.contains(millisecondsSinceEpoch) else { return nil }
        let milliseconds = Int(millisecondsSinceEpoch.rounded(.down))
        let days = milliseconds >= 0
            ? milliseconds / Self.millisecondsPerDay
            : -((-milliseconds + Self.millisecondsPerDay - 1) / Self.millisecondsPerDay)
        let ofDay = milliseconds - days * Self.millisecondsPerDay
        (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        hour = ofDay / 3_600_000
        minute = ofDay / 60_000 % 60
        second = ofDay / 1000 % 60
        millisecond = ofDay % 1000
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 && millisecond == 0 }
    var date: String { Self.padded(year, 4) + "-" + monthDay }
    var monthDay: String { Self.padded(month, 2) + "-" + Self.padded(day, 2) }
    var hoursMinutes: String { Self.padded(hour, 2) + ":" + Self.padded(minute, 2) }
    var hoursMinutesSeconds: String { hoursMinutes + ":" + Self.padded(second, 2) }
    var withMilliseconds: String { hoursMinutesSeconds + "." + Self.padded(millisecond, 3) }
    /// "2026-11-27 18:36:51" (with ".250" when the milliseconds are not zero).
    var dateTime: String { date + " " + (millisecond == 0 ? hoursMinutesSeconds : withMilliseconds) }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
