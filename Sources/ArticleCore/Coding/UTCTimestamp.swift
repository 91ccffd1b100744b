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
        // Assembled as bytes: every record carries two timestamps, and interpolating and
        // concatenating seven padded strings cost as much as writing the rest of a short record.
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func append(_ value: Int, width: Int, then separator: Unicode.Scalar) {
            let digits = String(value).utf8
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.count)))
            text.append(contentsOf: digits)
            text.append(UInt8(ascii: separator))
        }
        append(year, width: 4, then: "-")
        append(month, width: 2, then: "-")
        append(day, width: 2, then: "T")
        append(seconds / 3600, width: 2, then: ":")
        append(seconds / 60 % 60, width: 2, then: ":")
        append(seconds % 60, width: 2, then: ".")
        append(millisecondOfDay % 1000, width: 3, then: "Z")
        return String(decoding: text, as: UTF8.self)
    }
}
