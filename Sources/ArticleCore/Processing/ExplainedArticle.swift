/// An enriched record together with what the parser removed from the body to get it, and why
/// enrichment tagged what it tagged.
public struct ExplainedArticle: Sendable, Equatable {
    /// The record, exactly as ``ArticleProcessor/process(_:provenance:)`` returns it.
    public var article: EnrichedArticle
    /// Every line taken out of the body, in the order the parser found them, with the reason.
    public var removals: [Removal]
    /// The rule and lexicon lines behind every entity, title, date, event, quote and the story
    /// key, in article order.
    public var enrichment: [EnrichmentExplanation]
}
