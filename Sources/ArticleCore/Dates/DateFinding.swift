/// A date found in a segment, before its year (if missing) is inferred.
struct DateFinding: Sendable {
    var segment: Int
    var range: Range<Int>
    var text: String
    var rule: RecognitionRule
    /// Day and month as written; `year` nil when the text omits it.
    var year: Int?
    var month: Int?
    var day: Int?
    /// Last year of a span ("2021-2030").
    var endYear: Int?
    /// A year the article looks forward to ("tầm nhìn đến năm 2030"): not evidence of when it
    /// was written.
    var isHorizon = false

    /// The date with a year the text gives, for anchoring others; nil for spans and horizons.
    var explicitDate: CalendarDate? {
        guard let year, endYear == nil, !isHorizon else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
