import Foundation

/// Recognises a page's date header ("Thứ năm, 21 Tháng 12 2023 10:06", "Thứ sáu,  18/10/2019")
/// and turns it into an ISO 8601 publication date.
///
/// Only a line that is a date header as a whole counts: a weekday or a date inside a body
/// sentence ("Sáng 19/12, tại Hà Nội, …") is never taken as the publication date.
enum DatelineParser {
    /// A recognised date header.
    struct Dateline: Sendable, Equatable {
        /// The line as written (trimmed).
        var asWritten: String
        /// `"2023-12-21T10:06:00+07:00"` with a time (Vietnam time, UTC+7, which Vietnamese
        /// sites print without saying), `"2019-10-18"` without one.
        var publishedAt: String
    }

    /// Date headers are short; anything longer is a sentence that happens to contain a date.
    static let maximumLength = 60

    /// Matches a lowercased, whitespace-collapsed line; captures day, month, year, hour, minute.
    /// Built per call: `Regex` is not `Sendable`, and only the first lines of an article are tried.
    private static var dateHeader: Regex<(Substring, Substring, Substring, Substring, Substring?, Substring?)> {
        #/
            (?: (?: thứ\ (?:hai|ba|tư|năm|sáu|bảy|[2-7]) | chủ\ nhật | cn ) \ ? [,\-–|]? \ ? )?
            (?: ngày\ )?
            (\d{1,2}) (?: \ ?[\/\-.]\ ? | \ tháng\ ) (\d{1,2}) (?: \ ?[\/\-.]\ ? | \ năm\ | ,\ | \ ) (\d{4})
            (?: \ ? [,\-–|]? \ ? (\d{1,2}) [:h] (\d{2}) (?: \ ? \(? gmt \ ? \+ \ ? 7 \)? )? )?
            /#
    }

    /// Parses a whole line as a date header: an optional weekday ("Thứ hai" … "Thứ bảy",
    /// "Chủ nhật", "Thứ 2" … "Thứ 7", "CN"), then a date as `dd/MM/yyyy`, `dd-MM-yyyy`,
    /// `dd.MM.yyyy`, `dd Tháng MM yyyy` or `ngày dd tháng MM năm yyyy`, then an optional time
    /// `HH:mm` (or `HHhmm`) and an optional `(GMT+7)`.
    static func parse(_ line: String) -> Dateline? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maximumLength else { return nil }
        let folded = TextNormalizer.collapsingWhitespace(trimmed.lowercased())
        guard let match = folded.wholeMatch(of: Self.dateHeader),
            let day = Int(match.1), let month = Int(match.2), let year = Int(match.3),
            let date = isoDate(year: year, month: month, day: day)
        else { return nil }

        guard let hourText = match.4, let minuteText = match.5 else {
            return Dateline(asWritten: trimmed, publishedAt: date)
        }
        guard let hour = Int(hourText), let minute = Int(minuteText), hour < 24, minute < 60 else { return nil }
        return Dateline(asWritten: trimmed, publishedAt: "\(date)T\(twoDigits(hour)):\(twoDigits(minute)):00+07:00")
    }

    /// Normalises a publication date given by a crawler: a date header as above, or an ISO 8601
    /// date or date-time, which is passed through. Nil when it is neither.
    static func normalizePublished(_ published: String) -> String? {
        if let dateline = parse(published) { return dateline.publishedAt }
        let trimmed = published.trimmingCharacters(in: .whitespaces)
        guard let match = trimmed.prefixMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            isoDate(year: year, month: month, day: day) != nil
        else { return nil }
        return trimmed
    }

    private static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
