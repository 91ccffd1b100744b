import Testing

@testable import ArticleCore

/// A paragraph written for the tests in a style the seeds lack, with the entities a careful
/// annotator following seeds-gold.json's conventions would mark.
struct CraftedParagraph: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    /// Person names with their titles in order of appearance.
    var persons: [String: [String]] = [:]
    var organizations: Set<String> = []
    var locations: Set<String> = []

    var testDescription: String { name }

    func enriched() -> Enrichment {
        ArticleEnricher().enrich(EnrichmentInput(title: nil, lead: text, paragraphs: []))
    }
}
