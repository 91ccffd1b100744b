/// Where a field of the enriched record came from, so downstream jobs can weigh it.
public enum FieldSource: String, Sendable, Codable, Equatable {
    /// The crawler's JSON Lines record said so (`title`, `published`); it wins over anything inferred.
    case crawler
    /// An HTML meta tag (`og:title`, `article:published_time`, `itemprop="datePublished"`).
    case htmlMeta = "html_meta"
    /// The page's JSON-LD `NewsArticle`.
    case jsonLD = "json_ld"
    /// The page's `<title>` element.
    case htmlTitle = "html_title"
    /// A `<time datetime>` element.
    case htmlTime = "html_time"
    /// Read from the article's text.
    case text
}
