import CRDKafka
import Synchronization

/// Matches delivery reports to the records awaiting them, through a per-message opaque id.
final class DeliveryCallbacks: Sendable {
    let state = Mutex(ProducerState())

    /// librdkafka's `dr_msg_cb`, called from `rd_kafka_poll` or `rd_kafka_flush` on the producer's
    /// poll thread or blocking queue. `message` is valid only during the call, so its fields are copied.
    static func deliveryReport(message: UnsafePointer<rd_kafka_message_t>?, opaque: UnsafeMutableRawPointer?) {
        guard let message, case .producer(let callbacks)? = RDKafkaCallbacks.context(from: opaque)?.role else {
            return
        }
        // The per-message opaque is not a pointer but the id `enqueue` registered (see ProducerState).
        let id = UInt(bitPattern: message.pointee._private)
        guard let delivery = callbacks.state.withLock({ $0.deliver(id: id) }) else { return }
        let record = message.pointee
        if record.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            let topic = record.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
            delivery.complete(
                .success(DeliveryReport(topic: topic, partition: record.partition, offset: record.offset)))
        } else {
            delivery.complete(.failure(KafkaError(code: record.err, context: "delivery failed")))
        }
    }
}
