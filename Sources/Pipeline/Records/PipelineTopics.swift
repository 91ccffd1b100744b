import Kafka

/// The pipeline's topic names and the partition counts used when a worker has to create them.
public enum PipelineTopics {
    public static let raw = "articles.raw"
    public static let enriched = "articles.enriched"
    public static let deadLetter = "articles.dlq"

    /// Partitions for a topic the pipeline creates. Six lets six enrichers share the raw topic
    /// and still leaves per-key order intact; the dead-letter topic is low volume.
    public static func defaultPartitions(for topic: String) -> Int32 {
        topic == deadLetter ? 1 : 6
    }

    /// The largest record a pipeline topic accepts: the producer's limit, so that an article
    /// too large for the enricher still arrives there and is dead-lettered with its reason.
    public static let maximumMessageBytes = ProducerConfiguration.defaultMaximumMessageBytes

    /// How `topic` is created: `partitions` when given, else ``defaultPartitions(for:)``.
    public static func specification(for topic: String, partitions: Int32? = nil) -> TopicSpecification {
        TopicSpecification(
            name: topic, partitions: partitions ?? defaultPartitions(for: topic),
            config: ["max.message.bytes": String(maximumMessageBytes)])
    }
}
