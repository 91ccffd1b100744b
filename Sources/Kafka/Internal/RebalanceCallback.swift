import CRDKafka
import Logging

/// librdkafka's rebalance callback: commits before giving partitions up, applies the new
/// assignment, and queues `.assigned` / `.revoked` for `poll` to return.
///
/// librdkafka calls it from inside `rd_kafka_consumer_poll` or `rd_kafka_consumer_close`, that
/// is, on the consumer's serial queue, so the blocking commit here stays off the cooperative pool.
enum RebalanceCallback {
    static func rebalance(
        client: OpaquePointer?,
        code: rd_kafka_resp_err_t,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        opaque: UnsafeMutableRawPointer?
    ) {
        guard let client, let context = RDKafkaCallbacks.context(from: opaque),
            case .consumer(let consumer) = context.role
        else { return }
        let logger = context.logger
        let topicPartitions = partitions.map { TopicPartitionList.topicPartitions(in: $0) } ?? []
        let incremental = rd_kafka_rebalance_protocol(client).map { String(cString: $0) } == "COOPERATIVE"
        let metadata: Logger.Metadata = [
            KafkaLogMetadataKey.groupID: "\(consumer.groupID)",
            KafkaLogMetadataKey.partitions: "\(TopicPartitionList.description(of: topicPartitions))",
        ]

        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            logger.info("partitions assigned", metadata: metadata)
            if let startingOffsets = consumer.startingOffsets, let partitions {
                position(partitions, at: startingOffsets(topicPartitions), logger: logger, metadata: metadata)
            }
            if let error = assign(client: client, partitions: partitions, incremental: incremental) {
                logger.warning("applying the assignment failed: \(error)", metadata: metadata)
            }
            consumer.state.withLock { $0.partitionsAssigned(topicPartitions, incremental: incremental) }

        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            commitBeforeRevoke(client: client, logger: logger, metadata: metadata)
            logger.info("partitions revoked", metadata: metadata)
            if let error = unassign(client: client, partitions: partitions, incremental: incremental) {
                logger.warning("giving up the assignment failed: \(error)", metadata: metadata)
            }
            consumer.state.withLock { $0.partitionsRevoked(topicPartitions, incremental: incremental) }

        default:
            // librdkafka asks for the assignment to be dropped on a rebalance error.
            logger.warning(
                "rebalance failed: \(String(cString: rd_kafka_err2str(code)))",
                metadata: metadata
            )
            rd_kafka_assign(client, nil)
            consumer.state.withLock { $0.partitionsRevoked(topicPartitions, incremental: false) }
        }
    }

    /// Writes the chosen starting offsets into the assignment before it is applied, so that
    /// fetching starts there instead of at the committed offsets.
    private static func position(
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
        at offsets: [TopicPartition: Int64],
        logger: Logger,
        metadata: Logger.Metadata
    ) {
        guard !offsets.isEmpty else { return }
        for index in 0..<Int(partitions.pointee.cnt) {
            let element = partitions.pointee.elems[index]
            let partition = TopicPartition(topic: String(cString: element.topic), partition: element.partition)
            if let offset = offsets[partition] {
                partitions.pointee.elems[index].offset = offset
            }
        }
        let positions = offsets.map { "\($0.key)@\($0.value)" }
        logger.debug(
            "assigned partitions positioned",
            metadata: metadata.merging([KafkaLogMetadataKey.offset: "\(positions)"]) { $1 })
    }

    private static func commitBeforeRevoke(client: OpaquePointer, logger: Logger, metadata: Logger.Metadata) {
        // After a lost assignment another member may already own the partitions: committing
        // now could move their offsets backwards.
        guard rd_kafka_assignment_lost(client) == 0 else {
            logger.info("assignment lost; not committing before revoke", metadata: metadata)
            return
        }
        let code = rd_kafka_commit(client, nil, 0)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR__NO_OFFSET else { return }
        logger.warning(
            "commit before revoke failed: \(KafkaError(code: code, context: "commit"))",
            metadata: metadata
        )
    }

    private static func assign(
        client: OpaquePointer,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        incremental: Bool
    ) -> KafkaError? {
        if incremental {
            return rd_kafka_incremental_assign(client, partitions).map {
                KafkaError(consuming: $0, context: "incremental assign")
            }
        }
        let code = rd_kafka_assign(client, partitions)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(code: code, context: "assign")
    }

    private static func unassign(
        client: OpaquePointer,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        incremental: Bool
    ) -> KafkaError? {
        if incremental {
            return rd_kafka_incremental_unassign(client, partitions).map {
                KafkaError(consuming: $0, context: "incremental unassign")
            }
        }
        let code = rd_kafka_assign(client, nil)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(code: code, context: "unassign")
    }
}
