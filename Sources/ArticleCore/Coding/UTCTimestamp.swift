import Foundation

/// Formats record timestamps as ISO 8601 in UTC with milliseconds (`2026-11-23T08:30:00.123Z`).
///
/// Foundation's ISO 8601 format style truncates the fraction, and a `Date` parsed from
/// ".027" is a hair below 27 ms, so a decoded record re-encoded with it lost a millisecond
/// about half the time (the sink re-encodes every record). Rounding to the nearest millisecond
/// makes encoding a decoded record give back the same text.
enum UTCTimestamp {
    static func format(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let days = CivilCalendar.floorDivide(milliseconds, 86_400_000)
        let millisecondOfDay = milliseconds - days * 86_400_000
        let (year, month, day) = CivilCalendar.date(days: days)
        let seconds = millisecondOfDay / 1000
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(seconds / 3600, 2)):"
            + "\(padded(seconds / 60 % 60, 2)):\(padded(seconds % 60, 2)).\(padded(millisecondOfDay % 1000, 3))Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
