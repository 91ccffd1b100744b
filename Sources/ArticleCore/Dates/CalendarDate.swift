/// A date at the precision the text gives: a year, a month of a year, or a day.
struct CalendarDate: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int?
    var day: Int?

    /// `"2023"`, `"2023-12"` or `"2023-12-19"`.
    var iso: String {
        var text = "\(year)"
        if let month { text += "-" + VietnamTime.twoDigits(month) }
        if let day { text += "-" + VietnamTime.twoDigits(day) }
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

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...VietnamTime.daysIn(month: month, year: year)).contains(day)
    }

    /// The year of a dateline's day and month (`published` is ISO 8601): the publication's, or
    /// the year before when the day would fall more than a day after publication (a report
    /// published on 2 January about 30 December). A dateline never lies ahead; dates in the body
    /// may, and ``DateResolver`` takes the nearest year for them instead.
    static func yearOfDateline(month: Int, day: Int, published: String) -> Int? {
        guard let published = CalendarDate(iso: published), let publishedMonth = published.month,
            let publishedDay = published.day
        else { return nil }
        let isAfterPublication = month > publishedMonth || (month == publishedMonth && day > publishedDay + 1)
        return isAfterPublication ? published.year - 1 : published.year
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
