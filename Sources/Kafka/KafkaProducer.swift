import Dispatch
import Logging

/// A producer. ``enqueue(_:)`` hands a record over and returns at once with its
/// ``PendingDelivery``; ``send(_:)`` also waits for the broker's acknowledgement.
///
/// Delivery reports are served by a dedicated poll thread; flushing and closing run on the
/// producer's own serial queue, never on Swift's cooperative pool. Call ``close(timeout:)``
/// before dropping the last reference, or undelivered records are lost.
public final class KafkaProducer: Sendable {
    /// How long `enqueue` waits before retrying when librdkafka's local queue is full.
    private static let queueFullBackoff: Duration = .milliseconds(10)

    let handle: ClientHandle
    let deliveries: DeliveryCallbacks
    private let pollLoop: PollLoop
    let blockingQueue: DispatchQueue
    let logger: Logger

    /// Creates the producer and starts its poll thread.
    ///
    /// - Parameters:
    ///   - configuration: Brokers and producer settings.
    ///   - logger: Receives librdkafka's logs at debug and its errors at warning.
    /// - Throws: ``KafkaError`` of kind `.configuration` naming a rejected property.
    public init(configuration: ProducerConfiguration, logger: Logger) throws(KafkaError) {
        let deliveries = DeliveryCallbacks()
        let context = ClientContext(
            logger: logger,
            bootstrapServers: configuration.client.bootstrapServers.joined(separator: ","),
            role: .producer(deliveries),
            statisticsHandler: configuration.client.statisticsHandler
        )
        let handle = try ClientHandle(kind: .producer, properties: configuration.properties(), context: context)
        self.handle = handle
        self.deliveries = deliveries
        self.logger = logger
        self.blockingQueue = DispatchQueue(label: "kafka.producer.\(configuration.client.clientID)")
        self.pollLoop = PollLoop(handle: handle, name: "kafka-producer-poll")
    }

    deinit {
        // The poll thread holds the handle and destroys it when it exits.
        pollLoop.requestStop()
    }

    /// Hands `message` to librdkafka and returns at once with the handle of its delivery.
    ///
    /// The one place where backpressure from librdkafka's local queue is handled: while the
    /// queue is full, waits briefly and tries again until it has room.
    /// - Returns: The record's delivery, to await or to observe.
    /// - Throws: ``KafkaError``: `.closed` after ``close(timeout:)`` began, `.cancelled` when the
    ///   calling task is cancelled while the queue is full, or why librdkafka refused the
    ///   record at once (larger than `message.max.bytes`, an unknown partition).
    public func enqueue(_ message: OutgoingMessage) async throws(KafkaError) -> PendingDelivery {
        while true {
            do {
                return try tryEnqueue(message)
            } catch  where error.kind == .queueFull {
                logger.debug(
                    "librdkafka queue full, retrying", metadata: [KafkaLogMetadataKey.topic: "\(message.topic)"])
            }
            do {
                try await Task.sleep(for: Self.queueFullBackoff)
            } catch {
                throw .cancelled("enqueue")
            }
        }
    }

    /// Hands `message` to librdkafka if its local queue has room, without waiting: for callers
    /// that cannot suspend, such as a delivery callback sending a record again.
    /// - Throws: ``KafkaError``: `.queueFull` when the queue has no room, `.closed` after
    ///   ``close(timeout:)`` began, or why librdkafka refused the record.
    public func tryEnqueue(_ message: OutgoingMessage) throws(KafkaError) -> PendingDelivery {
        let delivery = PendingDelivery()
        let refusal: KafkaError? = deliveries.state.withLock { state in
            guard let id = state.register(delivery) else { return .closed("enqueue") }
            // Enqueued under the lock, so the delivery report (which takes the same lock)
            // cannot arrive before the record is registered.
            guard let error = handle.produce(message, id: id) else { return nil }
            _ = state.deliver(id: id)
            return error
        }
        if let refusal { throw refusal }
        return delivery
    }

    /// Enqueues `message` and waits for its delivery report: ``enqueue(_:)`` then
    /// ``PendingDelivery/delivered()``.
    ///
    /// Cancelling the calling task stops the wait at once; the record may still be delivered.
    /// - Returns: Where the broker stored the record.
    /// - Throws: ``KafkaError``: `.closed` after ``close(timeout:)`` began, `.cancelled` when the
    ///   calling task is cancelled, or the delivery failure.
    public func send(_ message: OutgoingMessage) async throws(KafkaError) -> DeliveryReport {
        try await enqueue(message).delivered()
    }

    /// Waits until every enqueued record is delivered or has failed.
    ///
    /// - Parameter timeout: How long to wait at most.
    /// - Throws: ``KafkaError`` of kind `.timedOut` when records remain after `timeout`, `.closed`
    ///   when the producer is closed.
    public func flush(timeout: Duration) async throws(KafkaError) {
        guard deliveries.state.withLock({ $0.isOpen }) else { throw .closed("flush") }
        let handle = self.handle
        let error = await blockingQueue.runBlocking { () -> KafkaError? in
            // A close that began after the check above may have run first on this queue.
            guard !handle.isDestroyed else { return .closed("flush") }
            return handle.flush(timeout: timeout)
        }
        if let error { throw error }
    }

    /// Flushes for up to half of `timeout`, stops the poll thread and destroys the producer.
    /// Deliveries still waiting afterwards fail with `.closed`. Returns within `timeout` even
    /// when librdkafka does not (the rest of its shutdown then goes on in the background).
    /// Idempotent: later calls return at once.
    public func close(timeout: Duration) async {
        guard deliveries.state.withLock({ $0.beginClose() }) else { return }
        let (handle, pollLoop, logger) = (self.handle, self.pollLoop, self.logger)
        let closed: Void? = await blockingQueue.runBlocking(timeout: timeout) {
            if let error = handle.flush(timeout: timeout / 2) {
                logger.info("producer closed with undelivered messages: \(error)")
            }
            pollLoop.stop()
            handle.destroy()
        }
        if closed == nil {
            logger.notice("the producer did not close within \(timeout); leaving it behind")
        }
        for delivery in deliveries.state.withLock({ $0.finishClose() }) {
            delivery.complete(.failure(.closed("send")))
        }
        logger.debug("producer closed")
    }
}
