/// The structure the parser found in one article's text, before enrichment.
struct ParsedArticle: Sendable, Equatable {
    var title: String?
    /// The date header as written and its ISO 8601 form.
    var dateline: DatelineParser.Dateline?
    /// First body paragraph.
    var lead: String
    /// Body paragraphs after the lead.
    var paragraphs: [String]
    var captions: [String]
    var photoCredits: [String]
    var attribution: String?
    var removed: RemovalCounts

    /// Title and paragraphs joined by "\n": the text fingerprints and statistics are taken of.
    var body: String {
        ([title].compactMap { $0 } + [lead] + paragraphs).joined(separator: "\n")
    }
}
