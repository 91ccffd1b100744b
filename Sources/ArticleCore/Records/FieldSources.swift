/// Where the record's title and publication date came from: the crawler, the page's markup, or
/// the article's text. A field that is absent from the record is absent here too.
public struct FieldSources: Sendable, Codable, Equatable {
    public var title: FieldSource?
    public var publishedAt: FieldSource?

    /// Creates field sources.
    public init(title: FieldSource? = nil, publishedAt: FieldSource? = nil) {
        self.title = title
        self.publishedAt = publishedAt
    }

    enum CodingKeys: String, CodingKey {
        case title
        case publishedAt = "published_at"
    }
}
