/// Logger metadata keys this module uses, in one place so that log queries stay stable.
///
/// A record's coordinates (`topic`, `partition`, `offset`, `partitions`) are spelled the same
/// in every log line, this module's and the workers' (WorkerRuntime's `LogMetadataKey` takes
/// them from here), so one query finds a record's whole story; the rest are librdkafka's and
/// the client's own.
public enum KafkaLogMetadataKey {
    public static let topic = "topic"
    public static let partition = "partition"
    public static let offset = "offset"
    public static let partitions = "partitions"
    public static let groupID = "kafka.group_id"
    public static let clientName = "kafka.client"
    public static let errorCode = "kafka.error"
    public static let facility = "librdkafka.facility"
    public static let librdkafkaLevel = "librdkafka.level"
    public static let librdkafkaVersion = "librdkafka.version"
}
