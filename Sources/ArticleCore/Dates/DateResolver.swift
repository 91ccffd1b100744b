/// Gives each date found a full ISO form, inferring missing years from an anchor.
struct DateResolver {
    /// The date the article was written, as precisely as known.
    let anchor: CalendarDate?

    /// The anchor for an article: its publication date, or else the latest date it writes with
    /// a year (spans and horizons excluded).
    init(published: String?, findings: [DateFinding]) {
        if let published, let date = CalendarDate(iso: published) {
            anchor = date
        } else {
            anchor = findings.compactMap(\.explicitDate).max()
        }
    }

    /// The record's form of a finding.
    func mention(for finding: DateFinding) -> DateMention {
        if let endYear = finding.endYear, let year = finding.year {
            return DateMention(text: finding.text, iso: "\(year)/\(endYear)", yearInferred: false)
        }
        if let year = finding.year {
            return DateMention(
                text: finding.text, iso: CalendarDate(year: year, month: finding.month, day: finding.day).iso,
                yearInferred: false)
        }
        guard let month = finding.month else {
            return DateMention(text: finding.text, iso: "", yearInferred: false)
        }
        guard let year = inferredYear(month: month, day: finding.day) else {
            // ISO 8601's form for a day or month of no particular year.
            let day = finding.day.map { "-" + VietnamTime.twoDigits($0) } ?? ""
            return DateMention(text: finding.text, iso: "--" + VietnamTime.twoDigits(month) + day, yearInferred: false)
        }
        return DateMention(
            text: finding.text, iso: CalendarDate(year: year, month: month, day: finding.day).iso, yearInferred: true)
    }

    /// The finding as a calendar date once its year is known.
    func date(for finding: DateFinding) -> CalendarDate? {
        guard finding.endYear == nil else { return nil }
        if let year = finding.year { return CalendarDate(year: year, month: finding.month, day: finding.day) }
        guard let month = finding.month, let year = inferredYear(month: month, day: finding.day) else { return nil }
        return CalendarDate(year: year, month: month, day: finding.day)
    }

    /// The year, around the anchor's, that puts the day nearest the anchor: 19/12 written on
    /// 21/12/2023 is 2023-12-19; 28/12 written on 2/1/2024 is 2023-12-28. (A dateline's year is
    /// never after publication: ``CalendarDate/yearOfDateline(month:day:published:)``.)
    private func inferredYear(month: Int, day: Int?) -> Int? {
        guard let anchor else { return nil }
        guard anchor.month != nil else { return anchor.year }
        return (anchor.year - 1...anchor.year + 1).filter { year in
            day.map { CalendarDate.isValid(year: year, month: month, day: $0) } ?? true
        }.min { first, second in
            abs(CalendarDate(year: first, month: month, day: day).approximateDay - anchor.approximateDay)
                < abs(CalendarDate(year: second, month: month, day: day).approximateDay - anchor.approximateDay)
        }
    }
}
