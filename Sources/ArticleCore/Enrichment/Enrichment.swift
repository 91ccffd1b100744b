/// What enrichment adds to a parsed article; ``ArticleProcessor`` copies it into the record.
public struct Enrichment: Sendable, Equatable {
    public var entities: Entities
    public var dates: [DateMention]
    public var events: [EventMention]
    public var quotes: [Quote]
    public var keywords: [String]
    /// One to three sentences of the article, verbatim; nil when it has no full sentence.
    public var summary: String?
    /// 64-bit SimHash of the title and body as 16 hex digits (see ``Fingerprints/simhash``).
    public var simhash: String
    /// The main event and its date, e.g. `hoi-nghi-ngoai-giao-32/2023-12-19`; nil when the
    /// article names neither an event nor a dated story.
    public var storyKey: String?
    /// Why each value was produced; empty unless asked for.
    public var explanations: [EnrichmentExplanation]
}
