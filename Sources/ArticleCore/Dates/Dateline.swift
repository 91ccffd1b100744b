/// The place and day a report was filed, as the lead opens with it: "Sáng 19/12, tại Hà Nội",
/// "Chiều ngày 20/12/2013, tại Trung tâm Hội nghị quốc tế (Hà Nội)", "Hà Nội, 19/12".
public struct Dateline: Sendable, Codable, Equatable {
    /// The dateline as written at the start of the lead.
    public var text: String
    /// `yyyy-MM-dd`; nil when the year is neither written nor inferable from the publication date.
    public var date: String?
    /// Whether the year of ``date`` was inferred from the publication date rather than written.
    public var yearInferred: Bool
    /// Where the report was filed, as written; nil when the dateline names no place.
    public var place: String?

    /// Creates a dateline.
    public init(text: String, date: String?, yearInferred: Bool, place: String?) {
        self.text = text
        self.date = date
        self.yearInferred = yearInferred
        self.place = place
    }

    enum CodingKeys: String, CodingKey {
        case text
        case date
        case yearInferred = "year_inferred"
        case place
    }
}
