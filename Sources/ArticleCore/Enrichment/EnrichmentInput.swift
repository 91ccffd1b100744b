/// What enrichment reads: a parsed article's text, never its raw form.
public struct EnrichmentInput: Sendable, Equatable {
    public var title: String?
    public var lead: String?
    /// Body paragraphs after the lead.
    public var paragraphs: [String]
    public var captions: [String]
    /// Photographers and agencies as credited ("THỦY NGUYÊN", "TTXVN").
    public var photoCredits: [String]
    /// ISO 8601 publication date or date-time; the anchor for dates written without a year.
    public var publishedAt: String?

    /// Creates an input from its parts.
    public init(
        title: String?, lead: String?, paragraphs: [String], captions: [String] = [], photoCredits: [String] = [],
        publishedAt: String? = nil
    ) {
        self.title = title
        self.lead = lead
        self.paragraphs = paragraphs
        self.captions = captions
        self.photoCredits = photoCredits
        self.publishedAt = publishedAt
    }

    /// The parsed fields of an enriched record, to enrich it again (for example with a newer
    /// lexicon, or in a benchmark of enrichment alone).
    public init(article: EnrichedArticle) {
        self.init(
            title: article.title, lead: article.lead, paragraphs: article.paragraphs, captions: article.captions,
            photoCredits: article.photoCredits, publishedAt: article.publishedAt)
    }
}
