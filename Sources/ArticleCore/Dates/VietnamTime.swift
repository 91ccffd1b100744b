/// Calendar arithmetic for publication times, all written in Vietnam time (UTC+7, no daylight
/// saving), which Vietnamese sites print without saying so.
enum VietnamTime {
    static let offsetMinutes = 7 * 60
    /// Years a date in the news may have; other numbers are not years.
    static let plausibleYears = 1900...2100

    /// `yyyy-MM-dd`, or nil when the date does not exist (31/02) or the year is implausible for news.
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard plausibleYears.contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    /// `yyyy-MM-ddTHH:mm:ss+07:00` for a wall-clock time at UTC offset `offsetMinutes` (nil for
    /// Vietnam time), converted to Vietnam time; nil when any part is out of range.
    static func isoDateTime(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, offsetMinutes: Int? = nil
    ) -> String? {
        guard isoDate(year: year, month: month, day: day) != nil, (0..<24).contains(hour), (0..<60).contains(minute),
            (0..<61).contains(second)
        else { return nil }
        let shift = Self.offsetMinutes - (offsetMinutes ?? Self.offsetMinutes)
        var days = CivilCalendar.days(year: year, month: month, day: day)
        var minutes = hour * 60 + minute + shift
        days += CivilCalendar.floorDivide(minutes, 1440)
        minutes -= CivilCalendar.floorDivide(minutes, 1440) * 1440
        let (y, m, d) = CivilCalendar.date(days: days)
        guard let date = isoDate(year: y, month: m, day: d) else { return nil }
        return "\(date)T\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60)):\(twoDigits(min(second, 59)))+07:00"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
