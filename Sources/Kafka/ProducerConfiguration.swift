/// Settings of a ``KafkaProducer``.
///
/// Every producer is idempotent (`enable.idempotence=true`) and waits for all in-sync replicas
/// (`acks=all`); `client.additional` can still override them.
public struct ProducerConfiguration: Sendable {
    /// Brokers, client id and pass-through properties.
    public var client: KafkaClientConfiguration
    /// Codec for record batches (librdkafka's `compression.type`, librdkafka default `none`);
    /// `"lz4"` by default.
    public var compression: String = KafkaDefaults.Producer.compression
    /// How long to wait for more records before sending a batch (librdkafka's `linger.ms`,
    /// librdkafka default 5 ms); 5 ms by default.
    public var linger: Duration = KafkaDefaults.Producer.linger
    /// How long a record may take to be delivered, retries included, before its delivery fails
    /// (librdkafka's `delivery.timeout.ms`, librdkafka default 300 s); 120 s by default.
    public var deliveryTimeout: Duration = KafkaDefaults.Producer.deliveryTimeout
    /// The largest record the producer sends (librdkafka's `message.max.bytes`, librdkafka
    /// default 1,000,000); 16 MiB by default. Brokers and topics must accept records this large
    /// (Kafka's topic-level `max.message.bytes`).
    public var maximumMessageBytes: Int = ProducerConfiguration.defaultMaximumMessageBytes

    /// The default of ``maximumMessageBytes``, for topics that must accept what producers send.
    public static let defaultMaximumMessageBytes = KafkaDefaults.Producer.maximumMessageBytes

    /// Creates producer settings with the defaults above.
    public init(client: KafkaClientConfiguration) {
        self.client = client
    }

    /// Every librdkafka property this configuration sets, defaults first then `client.additional`.
    public func properties() -> [String: String] {
        var properties = client.baseProperties
        properties["compression.type"] = compression
        properties["linger.ms"] = String(linger.wholeMilliseconds)
        properties["message.max.bytes"] = String(maximumMessageBytes)
        properties["delivery.timeout.ms"] = String(deliveryTimeout.wholeMilliseconds)
        properties.merge(KafkaDefaults.Producer.fixedProperties) { _, fixed in fixed }
        return properties.merging(client.additional) { _, additional in additional }
    }
}
