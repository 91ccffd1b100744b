/// One occurrence of a person, organisation or place in a segment.
struct EntityMention: Sendable {
    enum Kind: Sendable {
        case person, organization, location
    }

    var kind: Kind
    /// Index of the segment in the article's segments; photo credits come after them (the
    /// segment count plus the credit's index).
    var segment: Int
    /// Tokens of the name itself (not its title or prefix).
    var range: Range<Int>
    /// The name as it will be reported.
    var name: String
    /// Equal for every mention of the same entity.
    var key: UInt64
    var rule: RecognitionRule
    /// Lexicon entries the rule relied on.
    var evidence: [Int32]
    /// Titles given to a person by this mention.
    var titles: [TitleMention] = []
    var isPhotographer = false
}

/// A title as written in a segment, e.g. "Bộ trưởng Bộ Ngoại giao".
struct TitleMention: Sendable {
    var segment: Int
    var range: Range<Int>
    var text: String
    /// The title's words' keys, to match "Bộ trưởng" against "Bộ trưởng Ngoại giao".
    var wordKeys: [UInt64]
    var rule: RecognitionRule
    var evidence: [Int32]
}
