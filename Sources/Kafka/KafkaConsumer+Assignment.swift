extension KafkaConsumer {
    /// Where a directly assigned partition starts reading.
    ///
    /// (There is no "end": librdkafka resolves it with a ListOffsets request, which Tansu answers
    /// with the last batch's base offset, so the last batch would be read again. Pass the exact
    /// end from ``KafkaOffsetReader/partitionOffsets(of:timeout:)`` as an offset instead.)
    public enum StartPosition: Sendable, Equatable {
        /// The first record still in the log.
        case beginning
        /// This offset: the record at it is the first one read.
        case offset(Int64)
    }

    /// Reads `partitions` directly, without joining the consumer's group: no rebalance, no
    /// ``ConsumerEvent/assigned(_:)`` event, and nothing is committed unless offsets are stored.
    /// Use it instead of ``subscribe(topics:)``, for a reader that leaves no trace in any group.
    ///
    /// - Parameter starts: The partitions to read, each with where it starts.
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)``.
    public func assign(_ starts: [TopicPartition: StartPosition]) async throws(KafkaError) {
        let (handle, consumer) = (self.handle, self.consumer)
        let error = await queue.runBlocking { () -> KafkaError? in
            guard consumer.state.withLock({ $0.isOpen }) else { return .closed("assign") }
            return handle.assign(starts)
        }
        if let error { throw error }
    }
}
