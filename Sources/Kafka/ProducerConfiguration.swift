/// Settings of a ``KafkaProducer``.
///
/// Every producer is idempotent (`enable.idempotence=true`) and waits for all in-sync replicas
/// (`acks=all`); `client.additional` can still override them. Setting ``transactionalID`` makes
/// it transactional (see ``KafkaProducer/initTransactions(timeout:)``).
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
    /// (librdkafka's `delivery.timeout.ms`, librdkafka default 300 s); 120 s by default, and at
    /// most ``transactionTimeout`` for a transactional producer.
    public var deliveryTimeout: Duration = KafkaDefaults.Producer.deliveryTimeout
    /// The largest record the producer sends (librdkafka's `message.max.bytes`, librdkafka
    /// default 1,000,000); 16 MiB by default. Brokers and topics must accept records this large
    /// (Kafka's topic-level `max.message.bytes`).
    public var maximumMessageBytes: Int = ProducerConfiguration.defaultMaximumMessageBytes

    /// The default of ``maximumMessageBytes``, for topics that must accept what producers send.
    public static let defaultMaximumMessageBytes = KafkaDefaults.Producer.maximumMessageBytes
    /// Makes the producer transactional (librdkafka's `transactional.id`, no default). Keep it
    /// stable across restarts of one instance and unique between instances running at once:
    /// a restarted instance then aborts its predecessor's open transaction at
    /// ``KafkaProducer/initTransactions(timeout:)``, and fences it if it is still alive.
    public var transactionalID: String?
    /// How long a transaction may stay open before the broker aborts it (librdkafka's
    /// `transaction.timeout.ms`, librdkafka default 60 s); 30 s by default. It bounds how long
    /// a crashed producer's open transaction holds back `read_committed` consumers when no
    /// successor with the same ``transactionalID`` starts. Sent only with a ``transactionalID``.
    public var transactionTimeout: Duration = KafkaDefaults.Producer.transactionTimeout

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
        if let transactionalID {
            properties["transactional.id"] = transactionalID
            properties["transaction.timeout.ms"] = String(transactionTimeout.wholeMilliseconds)
            // librdkafka refuses a delivery timeout longer than the transaction timeout.
            properties["delivery.timeout.ms"] = String(min(deliveryTimeout, transactionTimeout).wholeMilliseconds)
        }
        properties.merge(KafkaDefaults.Producer.fixedProperties) { _, fixed in fixed }
        return properties.merging(client.additional) { _, additional in additional }
    }
}
