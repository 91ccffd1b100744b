import Foundation

/// Where an enriched record came from in Kafka; topic, partition and offset are nil when the
/// article was parsed locally (`newsctl parse`).
public struct Provenance: Sendable, Codable, Equatable {
    /// ``ArticleProcessor/version`` of the enricher that produced the record.
    public var enricherVersion: String
    /// Source topic, e.g. `articles.raw`.
    public var topic: String?
    /// Source partition.
    public var partition: Int32?
    /// Source offset.
    public var offset: Int64?
    /// When the enricher processed the record.
    public var processedAt: Date

    /// Creates provenance for one processed record.
    public init(enricherVersion: String, topic: String?, partition: Int32?, offset: Int64?, processedAt: Date) {
        self.enricherVersion = enricherVersion
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.processedAt = processedAt
    }

    enum CodingKeys: String, CodingKey {
        case enricherVersion = "enricher_version"
        case topic
        case partition
        case offset
        case processedAt = "processed_at"
    }
}
