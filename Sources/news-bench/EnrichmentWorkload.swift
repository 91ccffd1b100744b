import ArticleCore
import Foundation

/// Enrichment alone (entities, dates, events, quotes, keywords, summary, fingerprints) on the
/// seeds' parsed articles: what `ArticleEnricher` costs on top of parsing.
struct EnrichmentWorkload {
    let inputs: [EnrichmentInput]
    /// Bytes of text handed to the enricher per input.
    let sizes: [Int]

    /// Parses the seeds once, outside the measurement.
    init(seeds: [RawArticle]) throws {
        let provenance = Provenance(
            enricherVersion: "bench", topic: nil, partition: nil, offset: nil, processedAt: Date())
        inputs = try seeds.map { EnrichmentInput(article: try ArticleProcessor().process($0, provenance: provenance)) }
        sizes = inputs.map { input in
            ([input.title ?? "", input.lead ?? ""] + input.paragraphs + input.captions + input.photoCredits)
                .reduce(0) { $0 + $1.utf8.count }
        }
    }

    func run(for duration: Duration) -> ThroughputMeasurement {
        let enricher = ArticleEnricher()
        return ThroughputMeasurement.run(sizes: sizes, for: duration) { index in
            _ = enricher.enrich(inputs[index])
        }
    }
}
