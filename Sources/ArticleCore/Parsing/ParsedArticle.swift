/// The structure the parser found in one article, before enrichment.
struct ParsedArticle: Sendable, Equatable {
    var title: String?
    var titleSource: FieldSource?
    /// ISO 8601 in Vietnam time.
    var publishedAt: String?
    var publishedSource: FieldSource?
    /// The publication date line as printed, when the text had one.
    var publishedText: String?
    var dateline: Dateline?
    /// First body paragraph.
    var lead: String
    /// Body paragraphs after the lead.
    var paragraphs: [String]
    var captions: [String]
    var photoCredits: [String]
    var attribution: String?
    var byline: String?
    /// Everything that left the body, in the order it was found.
    var removals: [Removal]

    /// Title and paragraphs joined by "\n": the text fingerprints and statistics are taken of.
    var body: String {
        ([title].compactMap { $0 } + [lead] + paragraphs).joined(separator: "\n")
    }

    /// The removals counted by kind, as the record reports them.
    var removed: RemovalCounts {
        var counts = RemovalCounts()
        for removal in removals {
            switch removal.reason {
            case .teaserHeading, .relatedLink, .widget, .readerNotice: counts.boilerplate += 1
            case .teaser: counts.teasers += 1
            case .duplicate: counts.duplicateLines += 1
            case .slug: counts.slugLines += 1
            case .htmlBoilerplate: counts.htmlElements += 1
            case .title, .publicationDate, .caption, .photoCredit, .attribution, .byline: continue
            }
        }
        return counts
    }
}
