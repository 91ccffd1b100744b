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

    /// The raw versions the enricher reads: an older one is read when it decodes; a newer one
    /// may carry fields this release would silently drop, so it is dead-lettered for a later
    /// release to replay.
    public static let readableRaw = 1...raw
    /// The enriched versions the sink writes; see ``readableRaw``.
    public static let readableEnriched = 1...enriched
}
