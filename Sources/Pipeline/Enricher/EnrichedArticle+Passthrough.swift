import ArticleCore
import Foundation

extension EnrichedArticle {
    /// `news-enricher --passthrough`: the raw article's text as one paragraph, with none of the
    /// parsing or enrichment (and no statistics, which would read the text), so that a run
    /// measures what the pipeline costs without them.
    static func passthrough(_ raw: RawArticle, provenance: Provenance) -> EnrichedArticle {
        let text = raw.text ?? ""
        return EnrichedArticle(
            id: raw.id, source: raw.source, url: raw.url, receivedAt: raw.receivedAt, title: raw.title,
            publishedAt: nil, publishedText: nil, dateline: nil, lead: nil, paragraphs: [text], captions: [],
            photoCredits: [], attribution: nil, byline: nil, removed: RemovalCounts(), language: "und",
            stats: TextStatistics(characters: 0, words: 0, readingTimeSeconds: 0),
            fingerprints: Fingerprints(sha256: ""), fieldSources: FieldSources(), sourceEncoding: .utf8,
            provenance: provenance)
    }
}
