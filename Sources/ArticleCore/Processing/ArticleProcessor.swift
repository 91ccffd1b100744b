/// The one code path the enricher and `newsctl parse` share: decode, normalise, parse, enrich.
///
/// A pure function of its input: no I/O, no clock, no shared state, so it is safe to call from
/// any number of tasks and gives the same record for the same input every time.
public struct ArticleProcessor: Sendable {
    /// Version written into every record's provenance.
    public static let version = "0.3.0"

    /// The default for ``maximumTextBytes``: 2 MiB.
    public static let defaultMaximumTextBytes = 2 * 1024 * 1024

    /// Bodies larger than this (in bytes of UTF-8, or of the raw bytes) are rejected with
    /// ``ArticleError/Kind/tooLarge`` before any parsing.
    public var maximumTextBytes: Int = ArticleProcessor.defaultMaximumTextBytes

    /// Creates a processor with the default limits.
    public init() {}

    /// Turns a raw article into an enriched record.
    /// - Parameters:
    ///   - raw: the record from `articles.raw` (or built locally from a file).
    ///   - provenance: where the record came from; copied into the output.
    /// - Throws: ``ArticleError`` when the body is empty, too large, binary, not decodable, or
    ///   has no article text; never traps, whatever the input.
    public func process(_ raw: RawArticle, provenance: Provenance) throws(ArticleError) -> EnrichedArticle {
        try process(raw, provenance: provenance, explaining: false).article
    }

    /// ``process(_:provenance:)``, also returning every line the parser took out of the body
    /// and why, and the rule and lexicon lines behind every enrichment value (for `newsctl
    /// parse --explain`).
    public func explain(_ raw: RawArticle, provenance: Provenance) throws(ArticleError) -> ExplainedArticle {
        try process(raw, provenance: provenance, explaining: true)
    }

    private func process(
        _ raw: RawArticle, provenance: Provenance, explaining: Bool
    ) throws(ArticleError) -> ExplainedArticle {
        let decoded = try ArticleBodyDecoder(maximumTextBytes: maximumTextBytes).decode(raw)
        var metadata = DocumentMetadata()
        metadata.offerTitle(raw.title, from: .crawler)
        metadata.offerPublished(raw.published, from: .crawler)
        let document =
            HTMLDetector.isHTML(contentType: raw.contentType, text: decoded.text)
            ? HTMLArticleExtractor.extract(decoded.text, metadata: metadata)
            : ArticleDocument(text: decoded.text, metadata: metadata)
        let parsed = try ArticleParser().parse(document)
        let body = parsed.body
        let enrichment = ArticleEnricher().enrich(
            EnrichmentInput(
                title: parsed.title, lead: parsed.lead, paragraphs: parsed.paragraphs, captions: parsed.captions,
                photoCredits: parsed.photoCredits, publishedAt: parsed.publishedAt),
            explain: explaining)
        let article = EnrichedArticle(
            id: raw.id,
            source: raw.source,
            url: raw.url,
            receivedAt: raw.receivedAt,
            title: parsed.title,
            publishedAt: parsed.publishedAt,
            publishedText: parsed.publishedText,
            dateline: parsed.dateline,
            lead: parsed.lead,
            paragraphs: parsed.paragraphs,
            captions: parsed.captions,
            photoCredits: parsed.photoCredits,
            attribution: parsed.attribution ?? parsed.byline,
            byline: parsed.byline,
            removed: parsed.removed,
            language: LanguageDetector.detect(in: body),
            stats: TextStatistics(measuring: body),
            fingerprints: Fingerprints(body: body),
            fieldSources: FieldSources(title: parsed.titleSource, publishedAt: parsed.publishedSource),
            sourceEncoding: decoded.encoding,
            provenance: provenance,
            enrichment: enrichment)
        return ExplainedArticle(article: article, removals: parsed.removals, enrichment: enrichment.explanations)
    }
}
