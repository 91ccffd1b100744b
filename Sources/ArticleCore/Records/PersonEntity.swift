/// A person named in an article, with the titles the article gives them.
public struct PersonEntity: Sendable, Codable, Equatable {
    /// The name only, as first written: "Nguyễn Phú Trọng". Credits in capitals are name-cased.
    public var name: String
    /// Positions as the article writes them, each once, in order of appearance: "Tổng Bí thư",
    /// "Bộ trưởng Bộ Ngoại giao".
    public var titles: [String]
    /// How many times the name occurs in the title, body and captions.
    public var mentions: Int
    /// Accent-free lowercase form for search, with đ as d: "nguyen phu trong".
    public var folded: String
    /// `"photographer"` for people named only in photo credits; nil otherwise.
    public var role: String?

    /// The role of people named only in photo credits.
    public static let photographerRole = "photographer"

    /// Creates a person entry.
    public init(name: String, titles: [String], mentions: Int, folded: String, role: String? = nil) {
        self.name = name
        self.titles = titles
        self.mentions = mentions
        self.folded = folded
        self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case name, titles, mentions, folded, role
    }
}
