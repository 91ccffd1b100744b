/// Finds dates in Vietnamese text and normalises them to ISO 8601: "Sáng 19/12", "ngày
/// 14/12/2021", "Ngày 14-12", "ngày 20 tháng 12 năm 2013", "tháng 11-2021", "tháng 12", "năm
/// 2025 và 2030", "giai đoạn 2021-2030".
///
/// A day and month without a year takes the year that puts it nearest the anchor: the
/// publication date, or, when the page gives none, the latest date the article writes in full
/// (horizons such as "đến năm 2030" and spans excluded). Works on tokens, not regular
/// expressions: a date is a few numbers and separators glued together.
struct DateRecognizer {
    private static let dayWord = Tokenizer.wordKey(DateWords.day)
    private static let monthWord = Tokenizer.wordKey(DateWords.month)
    private static let yearWord = Tokenizer.wordKey(DateWords.year)
    private static let andWord = Tokenizer.wordKey("và")
    /// Time-of-day words written before a date, kept in its text: "Sáng 19/12".
    private static let timeOfDayWords = DateWords.timesOfDay + DateWords.timeOfDayOpeners
    private static let timeOfDay = KeySet(words: timeOfDayWords)
    /// Words after which a year is one the article looks forward to.
    private static let horizonWords = KeySet(words: ["đến", "tới", "nhìn"])
    /// Words before a span of years, kept in its text: "nhiệm kỳ 2021-2025".
    private static let spanWords: [[UInt64]] = [["nhiệm", "kỳ"], ["giai", "đoạn"], ["niên", "khóa"], ["năm"]].map {
        $0.map(Tokenizer.wordKey)
    }
    /// After a day-month pair, these make it a count ("2-3 năm tới"), not a date.
    private static let quantityWords = KeySet(
        words: ["năm", "tháng", "ngày", "giờ", "tuần", "tuổi", "lần", "người", "km", "tỷ", "triệu", "nghìn"])

    /// Words a date can start with; any other word is skipped at once.
    private static let openingWords = KeySet(
        keys: timeOfDayWords.map(Tokenizer.wordKey) + [dayWord, monthWord, yearWord] + spanWords.map { $0[0] })

    /// Every date in `segment`, in order.
    func findings(in segment: TextSegment, index segmentIndex: Int) -> [DateFinding] {
        let tokens = segment.tokens
        var findings: [DateFinding] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .number || (token.isWord && Self.openingWords.contains(token.key)) else {
                index += 1
                continue
            }
            if let finding = finding(at: index, in: segment, segmentIndex: segmentIndex) {
                findings.append(finding)
                index = finding.range.upperBound
                // "năm 2025 và 2030", "năm 2025, 2030"
                let isBareYear = finding.day == nil && finding.month == nil && finding.endYear == nil
                while isBareYear, index + 1 < tokens.count,
                    tokens[index].key == Self.andWord || tokens[index].isMark(","),
                    let year = Self.yearValue(tokens, at: index + 1, in: segment)
                {
                    var joined = finding
                    joined.range = index + 1..<index + 2
                    joined.text = segment.text(joined.range)
                    joined.year = year
                    findings.append(joined)
                    index += 2
                }
            } else {
                index += 1
            }
        }
        return findings
    }

    private func finding(at start: Int, in segment: TextSegment, segmentIndex: Int) -> DateFinding? {
        let tokens = segment.tokens
        var index = start
        var cue = false
        if Self.timeOfDay.contains(tokens[index].key) && tokens[index].isWord {
            index += 1
            // "rạng sáng", "sáng sớm"
            if index < tokens.count, Self.timeOfDay.contains(tokens[index].key) { index += 1 }
            cue = true
        }
        if index < tokens.count, tokens[index].key == Self.dayWord {
            index += 1
            cue = true
        }
        guard index < tokens.count else { return nil }
        var finding = DateFinding(segment: segmentIndex, range: start..<start, text: "", rule: .dayMonth)

        if let (day, month, year, end) = dayMonth(at: index, in: segment, cue: cue) {
            finding.day = day
            finding.month = month
            finding.year = year
            finding.rule = year == nil ? .dayMonth : .fullDate
            finding.range = start..<end
        } else if cue {
            return nil
        } else if tokens[index].key == Self.monthWord, index == 0 || tokens[index - 1].kind != .number,
            let month = segment.integer(at: index + 1), (1...12).contains(month)
        {
            finding.month = month
            finding.rule = .month
            var end = index + 2
            if let separator = tokens[safe: end], separator.isMark("/") || separator.isMark("-"),
                !separator.spaceBefore,
                let year = Self.yearValue(tokens, at: end + 1, in: segment), !tokens[end + 1].spaceBefore
            {
                finding.year = year
                end += 2
            } else if tokens[safe: end]?.key == Self.yearWord,
                let year = Self.yearValue(tokens, at: end + 1, in: segment)
            {
                finding.year = year
                end += 2
            }
            if finding.year != nil { finding.rule = .monthYear }
            finding.range = start..<end
        } else if let span = yearSpan(at: index, in: segment) {
            finding.year = span.from
            finding.endYear = span.to
            finding.rule = .yearRange
            finding.range = span.range
        } else if tokens[index].key == Self.yearWord, tokens[index].isWord,
            let year = Self.yearValue(tokens, at: index + 1, in: segment)
        {
            finding.year = year
            finding.rule = .year
            finding.range = start..<index + 2
            finding.isHorizon = index > 0 && Self.horizonWords.contains(tokens[index - 1].key)
        } else {
            return nil
        }
        finding.text = segment.text(finding.range)
        return finding
    }

    /// "19/12", "14-12", "14/12/2021", "20.12.2013", "20 tháng 12 năm 2013".
    private func dayMonth(at index: Int, in segment: TextSegment, cue: Bool) -> (Int, Int, Int?, Int)? {
        let tokens = segment.tokens
        guard let first = tokens[safe: index], first.kind == .number else { return nil }
        if cue, tokens[safe: index + 1]?.key == Self.monthWord, let day = segment.integer(at: index),
            let month = segment.integer(at: index + 2)
        {
            var end = index + 3
            var year: Int?
            if tokens[safe: end]?.key == Self.yearWord, let value = Self.yearValue(tokens, at: end + 1, in: segment) {
                year = value
                end += 2
            }
            guard CalendarDate.isValid(year: year ?? DayMonth.leapYear, month: month, day: day) else { return nil }
            return (day, month, year, end)
        }
        guard let reading = DayMonth.read(segment.bytes[Int(first.start)...]) else { return nil }
        // The figures must end where a token ends: "19/12abc" is not a date.
        var last = index
        while last + 1 < tokens.count, Int(tokens[last].end) < reading.end { last += 1 }
        guard Int(tokens[last].end) == reading.end else { return nil }
        let end = last + 1
        let date = reading.date
        if date.year == nil {
            // "19.12" may be a decimal number.
            if reading.separator == .dot { return nil }
            // "2-3 năm tới" is a count; "14-12" needs a cue such as "Ngày" to be a date.
            if let next = tokens[safe: end], next.isWord, Self.quantityWords.contains(next.key) { return nil }
            if reading.separator == .hyphen && !cue { return nil }
        }
        return (date.day, date.month, date.year, end)
    }

    /// "2021-2030", with a word before it such as "giai đoạn" or "nhiệm kỳ" kept in the text.
    private func yearSpan(at index: Int, in segment: TextSegment) -> (from: Int, to: Int, range: Range<Int>)? {
        let tokens = segment.tokens
        var start = index
        if let words = Self.spanWords.first(where: { words in
            words.indices.allSatisfy { tokens[safe: index + $0]?.key == words[$0] && tokens[index + $0].isWord }
        }) {
            start = index + words.count
        }
        guard let from = Self.yearValue(tokens, at: start, in: segment), let dash = tokens[safe: start + 1],
            dash.isMark("-") || dash.isMark("–"), let to = Self.yearValue(tokens, at: start + 2, in: segment),
            to > from, to - from <= 100
        else { return nil }
        return (from, to, index..<start + 3)
    }

    private static func yearValue(_ tokens: [Token], at index: Int, in segment: TextSegment) -> Int? {
        guard let value = segment.integer(at: index), VietnamTime.plausibleYears.contains(value),
            tokens[index].end - tokens[index].start == 4
        else { return nil }
        return value
    }
}
