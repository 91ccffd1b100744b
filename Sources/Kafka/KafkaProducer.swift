import Dispatch
import Logging

/// A producer whose ``send(_:)`` returns when the broker has acknowledged the record.
///
/// Delivery reports are served by a dedicated poll thread; flushing and closing run on the
/// producer's own serial queue, never on Swift's cooperative pool. Call ``close(timeout:)``
/// before dropping the last reference, or undelivered records are lost.
public final class KafkaProducer: Sendable {
    /// How long `send` waits before retrying when librdkafka's local queue is full.
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
            role: .producer(deliveries)
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

    /// Enqueues `message` and waits for its delivery report.
    ///
    /// When librdkafka's local queue is full, waits briefly and tries again until it has room.
    /// Cancelling the calling task stops the wait at once; the record may still be delivered.
    /// - Returns: Where the broker stored the record.
    /// - Throws: ``KafkaError``: `.closed` after ``close(timeout:)`` began, `.cancelled` when the
    ///   calling task is cancelled, or the delivery failure.
    public func send(_ message: OutgoingMessage) async throws(KafkaError) -> DeliveryReport {
        while true {
            guard case .enqueue(let id) = deliveries.state.withLock({ $0.beginSend() }) else {
                throw .closed("send")
            }
            let result = await withTaskCancellationHandler {
                await withCheckedContinuation { delivery in
                    let failure: KafkaError? = deliveries.state.withLock { state in
                        // Checked under the lock: a cancellation that came first finds nothing
                        // to resume, so it must be seen here.
                        guard !Task.isCancelled else { return .cancelled("send") }
                        guard state.isOpen else { return .closed("send") }
                        // Enqueued under the lock, so the delivery report (which takes the same
                        // lock) cannot arrive before its continuation is registered.
                        if let error = handle.produce(message, id: id) { return error }
                        state.awaitDelivery(id: id, delivery)
                        return nil
                    }
                    if let failure { delivery.resume(returning: .failure(failure)) }
                }
            } onCancel: {
                deliveries.state.withLock { $0.deliver(id: id) }?.resume(returning: .failure(.cancelled("send")))
            }
            if case .failure(let error) = result, error.kind == .queueFull, !Task.isCancelled {
                logger.debug("librdkafka queue full, retrying", metadata: [LogMetadataKey.topic: "\(message.topic)"])
                try? await Task.sleep(for: Self.queueFullBackoff)
                continue
            }
            return try result.get()
        }
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

    /// Flushes for up to `timeout`, stops the poll thread and destroys the producer. Sends still
    /// waiting afterwards fail with `.closed`. Idempotent: later calls return at once.
    public func close(timeout: Duration) async {
        guard deliveries.state.withLock({ $0.beginClose() }) else { return }
        let (handle, pollLoop, logger) = (self.handle, self.pollLoop, self.logger)
        await blockingQueue.runBlocking {
            if let error = handle.flush(timeout: timeout) {
                logger.info("producer closed with undelivered messages: \(error)")
            }
            pollLoop.stop()
            handle.destroy()
        }
        for delivery in deliveries.state.withLock({ $0.finishClose() }) {
            delivery.resume(returning: .failure(.closed("send")))
        }
        logger.debug("producer closed")
    }
}
