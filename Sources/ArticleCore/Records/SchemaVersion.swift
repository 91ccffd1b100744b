/// Versions of the JSON records this module writes.
///
/// Every record carries its version in `schema_version` (and producers copy it into a
/// `schema-version` header) so consumers can refuse or adapt to records they do not understand.
public enum SchemaVersion {
    /// Version of ``RawArticle`` records on `articles.raw`.
    public static let raw = 1
    /// Version of ``EnrichedArticle`` records on `articles.enriched` and in the sink's JSONL.
    /// 2: `dateline` became an object (text, date, place); `published_text`, `byline`,
    /// `field_sources`, `source_encoding` and `removed.html_elements` were added.
    public static let enriched = 2
}
