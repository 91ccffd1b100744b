/// Turns the recognisers' findings into ``EnrichmentExplanation``s, only when asked: building
/// the strings costs more than recognising.
struct EnrichmentExplainer {
    let lexicons: Lexicons
    /// Text segments, then photo credits, indexed as the findings index them.
    let segments: [TextSegment]

    func explanations(
        mentions: [EntityMention], events: [(segment: Int, span: EventSpan)], dates: [DateFinding],
        resolver: DateResolver, quotes: [QuoteExtractor.Finding], story: StoryKey.Result?
    ) -> [EnrichmentExplanation] {
        var explanations: [EnrichmentExplanation] = []
        for mention in mentions {
            let field: String
            switch mention.kind {
            case .person: field = "entities.persons"
            case .organization: field = "entities.organizations"
            case .location: field = "entities.locations"
            }
            explanations.append(
                EnrichmentExplanation(
                    field: field, text: mention.name, rule: mention.rule, evidence: evidence(mention.evidence),
                    location: location(mention.segment)))
            for title in mention.titles {
                explanations.append(
                    EnrichmentExplanation(
                        field: "entities.persons.titles", text: "\(title.text) → \(mention.name)", rule: title.rule,
                        evidence: evidence(title.evidence), location: location(title.segment)))
            }
        }
        for (segment, span) in events {
            let ordinal = span.ordinal.map { " → ordinal \($0)" } ?? ""
            explanations.append(
                EnrichmentExplanation(
                    field: "events", text: segments[segment].text(span.range) + ordinal, rule: .eventHead,
                    evidence: evidence(span.evidence), location: location(segment)))
        }
        for finding in dates {
            let mention = resolver.mention(for: finding)
            let inferred = mention.yearInferred ? " (year inferred)" : ""
            explanations.append(
                EnrichmentExplanation(
                    field: "dates", text: "\(finding.text) → \(mention.iso)\(inferred)", rule: finding.rule,
                    evidence: [],
                    location: location(finding.segment)))
        }
        for finding in quotes {
            let words = finding.quote.text.split(separator: " ").prefix(8).joined(separator: " ")
            explanations.append(
                EnrichmentExplanation(
                    field: "quotes", text: "\(finding.quote.speaker ?? "?"): \(words) …", rule: finding.rule,
                    evidence: evidence(finding.evidence), location: location(finding.segment)))
        }
        if let story {
            explanations.append(
                EnrichmentExplanation(
                    field: "story_key", text: story.key, rule: story.rule, evidence: [], location: "article"))
        }
        return explanations
    }

    private func location(_ segment: Int) -> String {
        segments.indices.contains(segment) ? segments[segment].label : "article"
    }

    private func evidence(_ entries: [Int32]) -> [String] {
        entries.map { entry in
            let entry = lexicons.entries[Int(entry)]
            return "\(entry.source) “\(entry.canonical)”"
        }
    }
}
