/// A date at the precision the text gives: a year, a month of a year, or a day.
struct CalendarDate: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int?
    var day: Int?

    /// `"2023"`, `"2023-12"` or `"2023-12-19"`.
    var iso: String {
        var text = "\(year)"
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    /// Days since a fixed origin, approximately (months of 31 days), enough to say which of
    /// two candidate years puts a date nearer another. Missing parts count as the middle.
    var approximateDay: Int {
        year * 372 + ((month ?? 7) - 1) * 31 + (day ?? 16)
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.approximateDay < rhs.approximateDay
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        switch month {
        case 2: return day <= ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    /// Parses the start of an ISO 8601 date or date-time ("2023-12-21T10:06:00+07:00").
    init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, Self.isValid(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }
}
