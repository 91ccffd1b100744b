/// Recognises a line that is nothing but a publication date and time, as pages print above or
/// below an article: "Thứ năm, 21 Tháng 12 2023 10:06", "Thứ ba, 28/05/2024 - 14:55",
/// "21/08/2024 10:39 AM", "Cập nhật: 08:00 (GMT+7) 1/12/2024", "2024-05-28 14:55".
///
/// The rule that keeps body sentences out is general rather than a list of traps: every word of
/// the line must belong to date-and-time vocabulary (weekdays, "ngày", "tháng", "năm", "cập
/// nhật", "lúc", "GMT", "AM"...), and the line must hold exactly one full date. "Thứ hai, các
/// đại biểu ..." ("secondly, the delegates ...") has other words and no date, so it is prose.
enum DateHeaderParser {
    /// Date headers are short; anything longer is a sentence that happens to contain a date.
    static let maximumLength = 80

    /// Words a date header may contain besides numbers and month names.
    private static let vocabulary = Set(DateWords.timesOfDay + [DateWords.day, DateWords.month, DateWords.year]).union([
        // weekdays: "thứ hai" ... "thứ bảy" ("năm" is the year's word), "thứ 2" ... "thứ 7", "chủ nhật", "CN",
        // "T2" ... "T7"
        "thứ", "hai", "ba", "tư", "sáu", "bảy", "chủ", "nhật", "cn", "t",
        "lúc", "vào",
        // "Cập nhật", "Đăng lúc", "Ngày đăng", "Thời gian đăng", "Xuất bản", "Gửi lúc"
        "cập", "đăng", "thời", "gian", "xuất", "bản", "gửi", "giờ", "hà", "nội", "việt", "nam",
        "gmt", "utc", "ict", "am", "pm", "sa", "ch", "h",
        "published", "updated", "update", "posted", "on", "at",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ])

    private static let englishMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Every word a date header may contain.
    private static let dateWords = vocabulary.union(englishMonths.keys)

    /// The line's date as ISO 8601 (`2023-12-21T10:06:00+07:00`, or `2019-10-18` without a
    /// time), or nil when the line is not a date header.
    static func parse(_ line: String) -> String? {
        // Bytes first: a Vietnamese character is at most three, and counting characters is slow.
        // Scalars rather than characters: the text is NFC, where they count alike, and counting
        // characters costs a grapheme-breaking pass.
        guard !line.isEmpty, line.utf8.count <= 3 * maximumLength, line.unicodeScalars.count <= maximumLength,
            line.utf8.contains(where: { (0x30...0x39).contains($0) }),
            let tokens = DateToken.tokenize(line, isAcceptedWord: dateWords.contains)
        else { return nil }
        var reading = Reading()
        var index = 0
        while index < tokens.count {
            guard let next = reading.consume(tokens, at: index) else { return nil }
            index = next
        }
        return reading.iso()
    }

    /// Normalises a publication date from metadata (a crawler's `published`, an HTML meta tag):
    /// ISO 8601 with any offset, or any date header ``parse(_:)`` accepts. Nil when it is neither.
    /// Metadata has not been through the article's normalisation, and ``parse(_:)`` expects
    /// NFC, so it is normalised here.
    static func normalize(published: String) -> String? {
        let text = TextNormalizer.collapsingWhitespace(TextNormalizer.normalize(published))
        return ISODateParser.parse(text) ?? parse(text)
    }

    /// What has been read so far: the date, the time, and which numbers are still unassigned.
    private struct Reading {
        var numbers: [(value: Int, digits: Int)] = []
        var monthFromWord: Int?
        var nextNumberIsMonth = false
        /// After "thứ" or "T", a number from 2 to 7 is a weekday ("Thứ 5", "T5"), not a date part.
        var nextNumberMayBeWeekday = false
        var monthAfterKeyword: Int?
        var hour: Int?
        var minute: Int?
        var second = 0
        var meridiem: String?
        var offsetMinutes: Int?

        /// Reads the token at `index` (and any that belong with it); returns the next index, or
        /// nil when the token cannot be part of a date header.
        mutating func consume(_ tokens: [DateToken], at index: Int) -> Int? {
            let mayBeWeekday = nextNumberMayBeWeekday
            nextNumberMayBeWeekday = false
            switch tokens[index] {
            case .word(let word):
                if let month = englishMonths[word] {
                    guard monthFromWord == nil else { return nil }
                    monthFromWord = month
                    return index + 1
                }
                if ["am", "pm", "sa", "ch"].contains(word) {
                    meridiem = word
                    return index + 1
                }
                if ["gmt", "utc"].contains(word) { return readOffset(tokens, at: index + 1) }
                if word == "tháng" { nextNumberIsMonth = true }
                if word == "thứ" || word == "t" { nextNumberMayBeWeekday = true }
                return DateHeaderParser.vocabulary.contains(word) ? index + 1 : nil
            case .symbol(let symbol):
                if symbol == "+" || (symbol == "-" && hour != nil && offsetMinutes == nil && isOffset(tokens, index)) {
                    return readOffset(tokens, at: index)
                }
                return "/-.:,|()–—".contains(symbol) ? index + 1 : nil
            case .number(let value, let digits):
                if mayBeWeekday && (2...7).contains(value) && digits == 1 { return index + 1 }
                if let end = readTime(tokens, at: index) { return end }
                if nextNumberIsMonth {
                    nextNumberIsMonth = false
                    guard monthAfterKeyword == nil else { return nil }
                    monthAfterKeyword = value
                    return index + 1
                }
                numbers.append((value, digits))
                return numbers.count <= 3 ? index + 1 : nil
            }
        }

        /// `HH:mm[:ss]` or `HHhmm`; returns the index after it, or nil when no time starts here.
        private mutating func readTime(_ tokens: [DateToken], at index: Int) -> Int? {
            guard hour == nil, index + 2 < tokens.count, case .number(let h, let hourDigits) = tokens[index],
                hourDigits <= 2, case .number(let m, 2) = tokens[index + 2]
            else { return nil }
            switch tokens[index + 1] {
            case .symbol(":"), .word("h"): break
            default: return nil
            }
            hour = h
            minute = m
            var end = index + 3
            if end + 1 < tokens.count, tokens[end] == .symbol(":"), case .number(let s, 2) = tokens[end + 1] {
                second = s
                end += 2
            }
            return end
        }

        private func isOffset(_ tokens: [DateToken], _ index: Int) -> Bool {
            guard index + 1 < tokens.count, case .number(_, 2) = tokens[index + 1] else { return false }
            return index + 2 < tokens.count && tokens[index + 2] == .symbol(":")
        }

        /// `+7`, `+07:00`, `+0700`, `-05:00`, possibly after "GMT"; returns the index after it.
        private mutating func readOffset(_ tokens: [DateToken], at index: Int) -> Int? {
            guard index < tokens.count else {
                offsetMinutes = 0
                return index
            }
            guard case .symbol(let sign) = tokens[index], sign == "+" || sign == "-" else {
                offsetMinutes = 0  // "GMT" alone
                return index
            }
            guard index + 1 < tokens.count, case .number(let value, let digits) = tokens[index + 1] else { return nil }
            var minutes: Int
            var end = index + 2
            if digits == 4 {
                minutes = value / 100 * 60 + value % 100
            } else {
                minutes = value * 60
                if end + 1 < tokens.count, tokens[end] == .symbol(":"), case .number(let extra, 2) = tokens[end + 1] {
                    minutes += extra
                    end += 2
                }
            }
            guard minutes <= 14 * 60 else { return nil }
            offsetMinutes = sign == "-" ? -minutes : minutes
            return end
        }

        func iso() -> String? {
            guard let (year, month, day) = date() else { return nil }
            guard var hour, let minute else {
                guard meridiem == nil, offsetMinutes == nil else { return nil }
                return VietnamTime.isoDate(year: year, month: month, day: day)
            }
            switch meridiem {
            case "pm", "ch": if hour < 12 { hour += 12 }
            case "am", "sa": if hour == 12 { hour = 0 }
            default: break
            }
            return VietnamTime.isoDateTime(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                offsetMinutes: offsetMinutes)
        }

        /// Day, month and year from the numbers read: `d m yyyy`, `yyyy m d`, or with the month
        /// given by "tháng m" or an English month name.
        private func date() -> (Int, Int, Int)? {
            let month = monthAfterKeyword ?? monthFromWord
            switch (numbers.count, month) {
            case (3, nil):
                if numbers[0].digits == 4 { return (numbers[0].value, numbers[1].value, numbers[2].value) }
                guard numbers[2].digits == 4 else { return nil }
                return (numbers[2].value, numbers[1].value, numbers[0].value)
            case (2, let month?):
                if numbers[0].digits == 4 { return (numbers[0].value, month, numbers[1].value) }
                guard numbers[1].digits == 4 else { return nil }
                return (numbers[1].value, month, numbers[0].value)
            default:
                return nil
            }
        }
    }
}
