/// Transactions: consume-transform-produce with the consumed offsets committed atomically with
/// the output. Requires ``ProducerConfiguration/transactionalID``.
///
/// The cycle is ``initTransactions(timeout:)`` once, then for each batch
/// ``beginTransaction()``, ``send(_:)`` the output, ``sendOffsetsToTransaction(_:consumer:timeout:)``
/// and ``commitTransaction(timeout:)``. On an error with ``KafkaError/requiresAbort``, call
/// ``abortTransaction(timeout:)`` and process the batch again; on a fatal one (such as
/// ``KafkaError/Kind-swift.enum/fenced``), close the producer.
extension KafkaProducer {
    /// Registers the producer's `transactional.id`: aborts the open transaction of an earlier
    /// producer with the same id and fences that producer if it is still running.
    ///
    /// - Throws: ``KafkaError``: retriable on a timeout (call again), fatal otherwise.
    public func initTransactions(timeout: Duration) async throws(KafkaError) {
        try await runTransactional("initTransactions", timeout: timeout) { $0.initTransactions(timeout: timeout) }
        logger.debug("transactions initialised")
    }

    /// Starts a transaction. Everything sent until it is committed or aborted belongs to it.
    ///
    /// - Throws: ``KafkaError`` when a transaction is already open or the producer is fenced.
    public func beginTransaction() throws(KafkaError) {
        let error: KafkaError? = deliveries.state.withLock { state in
            guard state.isOpen else { return .closed("beginTransaction") }
            return handle.beginTransaction()
        }
        if let error { throw error }
    }

    /// Adds the consumer's progress to the open transaction: each partition's next offset to
    /// read (the last processed offset + 1). The offsets are committed for the consumer's group
    /// only if the transaction commits.
    ///
    /// - Parameters:
    ///   - offsets: The next offset to read for each partition.
    ///   - consumer: The consumer the records came from; it must stay open during the call.
    ///   - timeout: How long to wait for the coordinator.
    /// - Throws: ``KafkaError``; check ``KafkaError/requiresAbort`` and ``KafkaError/isRetriable``.
    public func sendOffsetsToTransaction(
        _ offsets: [TopicPartition: Int64],
        consumer: KafkaConsumer,
        timeout: Duration
    ) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let group = try await consumer.groupMetadata()
        let entries = offsets.map { (partition, offset) in (partition, offset: offset) }
        try await runTransactional("sendOffsetsToTransaction", timeout: timeout) {
            $0.sendOffsetsToTransaction(entries, group: group, timeout: timeout)
        }
    }

    /// Waits for every record of the open transaction and commits it with its offsets.
    ///
    /// - Throws: ``KafkaError``: retriable (call again to resume), ``KafkaError/requiresAbort``
    ///   (abort and redo the batch), or fatal.
    public func commitTransaction(timeout: Duration) async throws(KafkaError) {
        try await runTransactional("commitTransaction", timeout: timeout) { $0.commitTransaction(timeout: timeout) }
    }

    /// Aborts the open transaction: its records are never shown to `read_committed` consumers
    /// and its offsets are not committed. Records not yet delivered are dropped and their sends
    /// fail.
    ///
    /// - Throws: ``KafkaError``: retriable (call again to resume) or fatal.
    public func abortTransaction(timeout: Duration) async throws(KafkaError) {
        try await runTransactional("abortTransaction", timeout: timeout) { $0.abortTransaction(timeout: timeout) }
    }

    /// Runs a blocking transactional call on the producer's own queue. Stops waiting when the
    /// calling task is cancelled (the call goes on alone, and the transaction is left to the
    /// broker's timeout or to the next producer with the same id), and fails as fatal, for the
    /// producer to be replaced, when the call outlives its own timeout.
    private func runTransactional(
        _ operation: String,
        timeout: Duration,
        _ call: @escaping @Sendable (ClientHandle) -> KafkaError?
    ) async throws(KafkaError) {
        guard deliveries.state.withLock({ $0.isOpen }) else { throw .closed(operation) }
        let handle = self.handle
        // librdkafka bounds the call by `timeout`; the margin covers the queue hop.
        let outcome = await blockingQueue.runBlocking(timeout: timeout + .seconds(1), cancellable: true) {
            () -> KafkaError? in
            // A close that began after the check above may have run first on this queue.
            guard !handle.isDestroyed else { return .closed(operation) }
            return call(handle)
        }
        guard let outcome else {
            if Task.isCancelled { throw .cancelled(operation) }
            // librdkafka bounds the call itself, so it is stuck, and every later call on this
            // queue would wait behind it: the producer cannot be used again.
            throw KafkaError(
                kind: .timedOut,
                message: "\(operation) did not return within \(timeout); librdkafka is stuck in it, "
                    + "so this producer must be replaced",
                isFatal: true)
        }
        if let error = outcome { throw error }
    }
}
