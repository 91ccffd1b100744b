import CRDKafka

extension ClientHandle {
    /// How long one wait for a consumer event may block, so a deadline is noticed.
    private static let offsetPollInterval: Int32 = 100

    /// The committed offsets of this consumer's group for `partitions` (an OffsetFetch request;
    /// the consumer does not join the group). Partitions the group never committed are left out.
    /// Blocking: call on the client's queue.
    func committedOffsets(_ partitions: [TopicPartition], timeout: Duration) -> Result<
        [TopicPartition: Int64], KafkaError
    > {
        guard !partitions.isEmpty else { return .success([:]) }
        let list = TopicPartitionList.make(partitions.map { ($0, offset: Int64(RD_KAFKA_OFFSET_INVALID)) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let code = rd_kafka_committed(pointer, list, timeout.timeoutMilliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let error = KafkaError(code: code, context: "reading committed offsets")
            return .failure(
                error.kind == .timedOut
                    ? context.timeoutError(operation: "reading committed offsets", after: timeout, underlying: error)
                    : error)
        }
        context.recordBrokerSuccess()
        var offsets: [TopicPartition: Int64] = [:]
        for index in 0..<Int(list.pointee.cnt) {
            let element = list.pointee.elems[index]
            let partition = TopicPartition(topic: String(cString: element.topic), partition: element.partition)
            guard element.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(KafkaError(code: element.err, context: "reading the committed offset of \(partition)"))
            }
            if element.offset >= 0 { offsets[partition] = element.offset }
        }
        return .success(offsets)
    }

    /// Where each of `partitions` starts and ends, with the end taken from the partition
    /// leader's fetch response rather than from a ListOffsets request: Tansu answers ListOffsets
    /// with the base offset of the last batch plus one, which can trail the real end by nearly a
    /// whole batch even when nothing is being produced, while its fetch responses carry the real
    /// high watermark. So the partitions are assigned at their end and read until librdkafka
    /// reports end-of-partition; every fetch is sent after this call began, so the ends cover
    /// every record acknowledged before it. The records read on the way are dropped.
    /// Blocking: call on the client's queue.
    func partitionBounds(_ partitions: [TopicPartition], timeout: Duration) -> Result<
        [TopicPartition: (start: Int64, end: Int64)], KafkaError
    > {
        guard !partitions.isEmpty else { return .success([:]) }
        let operation = "reading the end offsets of \(TopicPartitionList.description(of: partitions))"
        let list = TopicPartitionList.make(partitions.map { ($0, offset: Int64(RD_KAFKA_OFFSET_END)) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let assigned = rd_kafka_assign(pointer, list)
        guard assigned == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return .failure(KafkaError(code: assigned, context: operation))
        }
        defer { rd_kafka_assign(pointer, nil) }

        var ends: [TopicPartition: Int64] = [:]
        let deadline = ContinuousClock.now + timeout
        while ends.count < partitions.count {
            guard ContinuousClock.now < deadline else {
                return .failure(
                    context.timeoutError(
                        operation: operation, after: timeout,
                        underlying: KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT, context: operation)))
            }
            // Serves error callbacks, so that a refused connection is known when judging a timeout.
            rd_kafka_poll(pointer, 0)
            guard let message = rd_kafka_consumer_poll(pointer, Self.offsetPollInterval) else { continue }
            defer { rd_kafka_message_destroy(message) }
            let code = message.pointee.err
            guard code == RD_KAFKA_RESP_ERR__PARTITION_EOF, let topic = message.pointee.rkt else {
                // A record before the end is dropped; librdkafka retries transient errors itself.
                let error = KafkaError(code: code, context: operation)
                if code != RD_KAFKA_RESP_ERR_NO_ERROR && !error.isRetriable && error.kind != .brokerUnreachable {
                    return .failure(error)
                }
                continue
            }
            let partition = TopicPartition(
                topic: String(cString: rd_kafka_topic_name(topic)), partition: message.pointee.partition)
            if ends[partition] == nil { ends[partition] = message.pointee.offset }
        }
        context.recordBrokerSuccess()

        var bounds: [TopicPartition: (start: Int64, end: Int64)] = [:]
        for (partition, end) in ends {
            var low: Int64 = 0
            var high: Int64 = 0
            let code = rd_kafka_query_watermark_offsets(
                pointer, partition.topic, partition.partition, &low, &high, timeout.timeoutMilliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(KafkaError(code: code, context: "reading the start offset of \(partition)"))
            }
            bounds[partition] = (start: min(low, end), end: end)
        }
        return .success(bounds)
    }
}
