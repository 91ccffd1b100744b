/// Logger metadata keys this module uses, in one place so that log queries stay stable.
enum LogMetadataKey {
    static let topic = "kafka.topic"
    static let partition = "kafka.partition"
    static let offset = "kafka.offset"
    static let partitions = "kafka.partitions"
    static let groupID = "kafka.group_id"
    static let clientName = "kafka.client"
    static let errorCode = "kafka.error"
    static let facility = "librdkafka.facility"
    static let librdkafkaLevel = "librdkafka.level"
    static let librdkafkaVersion = "librdkafka.version"
}
