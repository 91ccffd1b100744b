/// Calendar arithmetic for publication times, all written in Vietnam time (UTC+7, no daylight
/// saving), which Vietnamese sites print without saying so.
enum VietnamTime {
    static let offsetMinutes = 7 * 60

    /// `yyyy-MM-dd`, or nil when the date does not exist (31/02) or the year is implausible for news.
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
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
        var days = daysFromCivil(year: year, month: month, day: day)
        var minutes = hour * 60 + minute + shift
        days += minutes.floorDivided(by: 1440)
        minutes = minutes.floorModulo(1440)
        let (y, m, d) = civilFromDays(days)
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

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
