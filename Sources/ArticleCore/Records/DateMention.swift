/// A date the article mentions, normalised to ISO 8601.
public struct DateMention: Sendable, Codable, Equatable {
    /// As written, with its time-of-day word: "Sáng 19/12", "ngày 14/12/2021", "tháng 11-2021".
    public var text: String
    /// `"2023-12-19"`, `"2021-11"` (a month), `"2025"` (a year), `"2021/2030"` (a span of years),
    /// or `"--12-19"` / `"--12"` (a day or month whose year cannot be inferred).
    public var iso: String
    /// The article did not write the year: it was taken from the publication date or, without
    /// one, from the latest date the article itself gives.
    public var yearInferred: Bool

    /// Creates a date mention.
    public init(text: String, iso: String, yearInferred: Bool) {
        self.text = text
        self.iso = iso
        self.yearInferred = yearInferred
    }

    enum CodingKeys: String, CodingKey {
        case text, iso
        case yearInferred = "year_inferred"
    }
}
