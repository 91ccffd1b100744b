/// An enriched record together with what the parser removed from the body to get it.
public struct ExplainedArticle: Sendable, Equatable {
    /// The record, exactly as ``ArticleProcessor/process(_:provenance:)`` returns it.
    public var article: EnrichedArticle
    /// Every line taken out of the body, in the order the parser found them, with the reason.
    public var removals: [Removal]
}
