/// The one code path the enricher and `newsctl parse` share: decode, normalise, parse, enrich.
///
/// A pure function of its input: no I/O, no clock, no shared state, so it is safe to call from
/// any number of tasks and gives the same record for the same input every time.
public struct ArticleProcessor: Sendable {
    /// Version written into every record's provenance.
    public static let version = "0.1.0"

    /// Bodies larger than this (in bytes of UTF-8, or of the raw bytes) are rejected with
    /// ``ArticleError/Kind/tooLarge`` before any parsing. Default 2 MiB.
    public var maximumTextBytes: Int = 2 * 1024 * 1024

    /// Creates a processor with the default limits.
    public init() {}

    /// Turns a raw article into an enriched record.
    /// - Parameters:
    ///   - raw: the record from `articles.raw` (or built locally from a file).
    ///   - provenance: where the record came from; copied into the output.
    /// - Throws: ``ArticleError`` when the body is empty, too large, binary, not UTF-8, or has no
    ///   article text; never traps, whatever the input.
    public func process(_ raw: RawArticle, provenance: Provenance) throws(ArticleError) -> EnrichedArticle {
        let text = try ArticleBodyDecoder(maximumTextBytes: maximumTextBytes).text(of: raw)
        let parsed = try ArticleParser().parse(text, knownTitle: raw.title)
        let body = parsed.body
        return EnrichedArticle(
            id: raw.id,
            source: raw.source,
            url: raw.url,
            receivedAt: raw.receivedAt,
            title: parsed.title,
            publishedAt: parsed.dateline?.publishedAt ?? raw.published.flatMap(DatelineParser.normalizePublished),
            dateline: parsed.dateline?.asWritten,
            lead: parsed.lead,
            paragraphs: parsed.paragraphs,
            captions: parsed.captions,
            photoCredits: parsed.photoCredits,
            attribution: parsed.attribution,
            removed: parsed.removed,
            language: LanguageDetector.detect(in: body),
            stats: TextStatistics(measuring: body),
            fingerprints: Fingerprints(body: body),
            provenance: provenance)
    }
}
