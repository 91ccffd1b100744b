/// A day and month written in figures, with the year when written: "19/12", "14-12",
/// "20/12/2013", "20.12.2013".
///
/// The one reader of this shape. The dateline detector reads it at the start of a lead and the
/// date recognizer anywhere in the text; each adds its own judgement of whether the context makes
/// it a date (the recognizer, for one, wants a cue before "14-12"), but the figures are read alike.
struct DayMonth: Equatable {
    var day: Int
    var month: Int
    var year: Int?

    /// The figures were read this way, which tells how much to trust them: "19.12" may be a
    /// decimal number, "19/12" hardly.
    enum Separator: UInt8 {
        case slash = 0x2F, hyphen = 0x2D, dot = 0x2E
    }

    struct Reading<Index> {
        var date: DayMonth
        var separator: Separator
        /// Where the date's figures end in the text read.
        var end: Index
    }

    /// Reads a day and month at the start of `bytes` (UTF-8), or nil when they do not start with
    /// one. The year must have four figures and be a plausible year for news; a day must exist
    /// in its month (29/2 is allowed without a year). A day and month whose figures run on
    /// ("19/12/20", "19/12.5", "1/2/3") are not a date this reader trusts.
    static func read<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Reading<Bytes.Index>? {
        var index = bytes.startIndex
        func figures(maximum: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while index < bytes.endIndex, let digit = digitValue(bytes[index]) {
                count += 1
                guard count <= maximum else { return nil }
                value = value * 10 + digit
                index = bytes.index(after: index)
            }
            return count == 0 ? nil : (value, count)
        }
        guard let day = figures(maximum: 2), index < bytes.endIndex, let separator = Separator(rawValue: bytes[index])
        else { return nil }
        index = bytes.index(after: index)
        guard let month = figures(maximum: 2) else { return nil }
        var year: Int?
        var end = index
        if index < bytes.endIndex, bytes[index] == separator.rawValue {
            index = bytes.index(after: index)
            if let figures = figures(maximum: 4), figures.count == 4, VietnamTime.plausibleYears.contains(figures.value) {
                year = figures.value
                end = index
            }
        }
        guard CalendarDate.isValid(year: year ?? leapYear, month: month.value, day: day.value) else { return nil }
        // After a year, a hyphen and figures are a span ("20/12/2013-2014"), not a run-on.
        if year == nil, end < bytes.endIndex {
            let next = bytes[end]
            let afterNext = bytes.index(after: end)
            if digitValue(next) != nil
                || (Separator(rawValue: next) != nil && afterNext < bytes.endIndex && digitValue(bytes[afterNext]) != nil)
            {
                return nil
            }
        }
        return Reading(date: DayMonth(day: day.value, month: month.value, year: year), separator: separator, end: end)
    }

    /// Any leap year, to check a day written without its year: 29/2 is a day that exists.
    static let leapYear = 2000

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }
}
