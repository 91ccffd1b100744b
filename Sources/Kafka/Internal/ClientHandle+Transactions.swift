import CRDKafka

extension ClientHandle {
    /// Registers the `transactional.id` with its coordinator, aborting or fencing any earlier
    /// producer with the same id. Blocking: call on the producer's queue.
    func initTransactions(timeout: Duration) -> KafkaError? {
        rd_kafka_init_transactions(pointer, timeout.timeoutMilliseconds).map {
            KafkaError(consuming: $0, context: "initialising transactions")
        }
    }

    /// Starts a transaction locally; does not block.
    func beginTransaction() -> KafkaError? {
        rd_kafka_begin_transaction(pointer).map { KafkaError(consuming: $0, context: "beginning a transaction") }
    }

    /// Adds consumed offsets to the current transaction, to be committed with it.
    /// Blocking: call on the producer's queue.
    func sendOffsetsToTransaction(
        _ offsets: [(TopicPartition, offset: Int64)],
        group: ConsumerGroupMetadata,
        timeout: Duration
    ) -> KafkaError? {
        let list = TopicPartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return rd_kafka_send_offsets_to_transaction(pointer, list, group.pointer, timeout.timeoutMilliseconds).map {
            KafkaError(consuming: $0, context: "sending offsets to the transaction")
        }
    }

    /// Flushes and commits the current transaction. Blocking: call on the producer's queue.
    func commitTransaction(timeout: Duration) -> KafkaError? {
        rd_kafka_commit_transaction(pointer, timeout.timeoutMilliseconds).map {
            KafkaError(consuming: $0, context: "committing the transaction")
        }
    }

    /// Purges undelivered records and aborts the current transaction. Blocking: call on the
    /// producer's queue.
    func abortTransaction(timeout: Duration) -> KafkaError? {
        rd_kafka_abort_transaction(pointer, timeout.timeoutMilliseconds).map {
            KafkaError(consuming: $0, context: "aborting the transaction")
        }
    }

    /// A snapshot of this consumer's group membership (group, generation, member id), which
    /// lets the transaction coordinator reject offsets from a member that has been replaced.
    /// Call on the consumer's queue.
    func consumerGroupMetadata() -> ConsumerGroupMetadata? {
        rd_kafka_consumer_group_metadata(pointer).map(ConsumerGroupMetadata.init(pointer:))
    }
}

/// Owns an `rd_kafka_consumer_group_metadata_t` copied out of a consumer.
///
/// `@unchecked Sendable`: the object is an immutable copy, independent of the consumer it came
/// from, that librdkafka only reads; it is destroyed once, when the last reference goes.
final class ConsumerGroupMetadata: @unchecked Sendable {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        rd_kafka_consumer_group_metadata_destroy(pointer)
    }
}
