/// What a lexicon entry names. Each lexicon file gives its entries one category (see
/// ``LexiconFile``); ``ministryField`` entries are derived from the ministries' names.
enum LexiconCategory: UInt8, Sendable, CaseIterable {
    /// Offices, positions and ranks ("Tổng Bí thư", "Bộ trưởng"), and the words that modify them.
    case title
    /// Words that open an organisation's name ("Bộ", "Ủy ban", "Học viện").
    case organizationHead
    /// Organisations known by their full name ("Bộ Chính trị", "Liên Hợp Quốc", "UNESCO").
    case organization
    /// A ministry's field, the part after "Bộ" ("Ngoại giao" of "Bộ Ngoại giao"): "Bộ trưởng
    /// Ngoại giao" names the office without naming the ministry.
    case ministryField
    /// Lowercase words that occur inside names of organisations and events ("chấp hành",
    /// "quốc tế").
    case nameWord
    case surname
    /// Countries, provinces, cities and regions.
    case place
    /// Words that put a place name after them ("tỉnh", "thành phố", "phường").
    case placePrefix
    /// Words that open an event's name ("Hội nghị", "Đại hội").
    case eventHead
    /// Capitalised words that name no entity: documents, terms, acronyms, ethnic-group markers.
    case nonEntity
    /// Verbs that introduce what someone said, and words around them.
    case speech
    /// Forms of address before a name ("ông", "đồng chí").
    case honorific
    /// Function words, ignored by keywords and fingerprints.
    case stopword
}
