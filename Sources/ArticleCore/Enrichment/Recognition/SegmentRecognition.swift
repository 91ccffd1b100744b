/// What ``EntityScanner`` found in one segment.
struct SegmentRecognition: Sendable {
    var mentions: [EntityMention] = []
    var events: [EventSpan] = []
    /// Titles that name no one in the segment ("Tổng Bí thư đề nghị"): quotes resolve them to
    /// the person holding the title.
    var titleReferences: [TitleMention] = []
    /// A single name word after a form of address or a title ("ông Mạnh", "Bộ trưởng Sơn",
    /// "ông Macron"), resolved against the full names found in the article.
    var shortReferences: [ShortReference] = []
    /// Capitalised words that no rule recognised, checked against the article's people.
    var unrecognizedWords: [Int] = []
}

/// A person named by one word: the last word of a full name given elsewhere, or, when foreign
/// ("ông Biden" with no "Joe Biden" in the article), the whole name.
struct ShortReference: Sendable {
    var range: Range<Int>
    var title: TitleMention?
    /// What to report when no full name ends with this word: a person named by this word alone,
    /// for foreign names; nothing for a Vietnamese given name.
    var standalone: EntityMention?
}
