import ArticleCore
import Foundation

/// Reads a file the way the producer does and processes it the way the enricher does, with no
/// Kafka in between: what `newsctl parse` prints is what the pipeline would write.
public struct LocalArticleParser: Sendable {
    public var processor: ArticleProcessor

    public init(processor: ArticleProcessor = ArticleProcessor()) {
        self.processor = processor
    }

    /// One record per article in the input; failures are one clear line each.
    public func parse(_ input: ArticleInput) -> [Result<EnrichedArticle, LocalParseProblem>] {
        results(input) { raw, provenance throws(ArticleError) in try processor.process(raw, provenance: provenance) }
    }

    /// As ``parse(_:)``, with what the parser removed from each article and the rules behind
    /// each finding; gathering them costs time that plain records do not pay.
    public func explain(_ input: ArticleInput) -> [Result<ExplainedArticle, LocalParseProblem>] {
        results(input) { raw, provenance throws(ArticleError) in try processor.explain(raw, provenance: provenance) }
    }

    private func results<Output>(
        _ input: ArticleInput, _ process: (RawArticle, Provenance) throws(ArticleError) -> Output
    ) -> [Result<Output, LocalParseProblem>] {
        let read = ArticleInputReader().read(input)
        let provenance = Provenance(
            enricherVersion: ArticleProcessor.version, topic: nil, partition: nil, offset: nil, processedAt: Date())
        return read.problems.map { .failure(LocalParseProblem(description: $0.description)) }
            + read.articles.map { raw in
                do throws(ArticleError) {
                    return .success(try process(raw, provenance))
                } catch {
                    return .failure(
                        LocalParseProblem(description: "\(raw.source): \(error.kind.rawValue): \(error.message)"))
                }
            }
    }
}

/// Why `newsctl parse` could not produce a record for an input.
public struct LocalParseProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
}
