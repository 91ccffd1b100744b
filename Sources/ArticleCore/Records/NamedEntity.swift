/// An organisation or place named in an article.
public struct NamedEntity: Sendable, Codable, Equatable {
    /// The name as first written: "Bộ Ngoại giao", "Lạng Sơn" (a place's prefix such as "tỉnh"
    /// is dropped unless it is part of the name, as in "Thành phố Hồ Chí Minh").
    public var name: String
    /// How many times it is named in the title, body and captions, including inside titles
    /// ("Bộ trưởng Bộ Ngoại giao") and other names ("UBND thành phố Hà Nội").
    public var mentions: Int
    /// Accent-free lowercase form for search: "bo ngoai giao".
    public var folded: String

    /// Creates an entry.
    public init(name: String, mentions: Int, folded: String) {
        self.name = name
        self.mentions = mentions
        self.folded = folded
    }

    enum CodingKeys: String, CodingKey {
        case name, mentions, folded
    }
}
