import Kafka

/// The metadata keys every worker logs with, defined once so logs can be queried uniformly.
/// A record's coordinates are the Kafka module's keys, so its log lines and the workers' agree.
public enum LogMetadataKey {
    public static let topic = KafkaLogMetadataKey.topic
    public static let partition = KafkaLogMetadataKey.partition
    public static let offset = KafkaLogMetadataKey.offset
    public static let partitions = KafkaLogMetadataKey.partitions
    public static let articleID = "article_id"
    public static let source = "source"
    public static let errorKind = "error_kind"
    public static let directory = "directory"
    public static let file = "file"
}
