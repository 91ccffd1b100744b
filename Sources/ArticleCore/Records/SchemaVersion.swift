/// Versions of the JSON records this module writes.
///
/// Every record carries its version in `schema_version` (and producers copy it into a
/// `schema-version` header) so consumers can refuse or adapt to records they do not understand.
public enum SchemaVersion {
    /// Version of ``RawArticle`` records on `articles.raw`.
    public static let raw = 1
    /// Version of ``EnrichedArticle`` records on `articles.enriched` and in the sink's JSONL.
    public static let enriched = 1
}
