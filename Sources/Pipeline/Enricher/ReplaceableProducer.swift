import Kafka

/// The enricher's producer, which `--exactly-once` replaces when it fails for good (see
/// ``TransactionalPublisher``): whoever closes it at the end closes the one in use.
final class ReplaceableProducer {
    var current: KafkaProducer

    init(_ producer: KafkaProducer) {
        current = producer
    }
}
