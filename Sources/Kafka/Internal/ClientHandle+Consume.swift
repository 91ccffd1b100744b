import CRDKafka
import Foundation

extension ClientHandle {
    /// Routes the main queue (errors, logs, rebalances) to the consumer queue, so that
    /// `rd_kafka_consumer_poll` serves every callback.
    func redirectMainQueueToConsumer() -> KafkaError? {
        let code = rd_kafka_poll_set_consumer(pointer)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(code: code, context: "setting up the consumer")
    }

    func subscribe(topics: [String]) -> KafkaError? {
        let list = TopicPartitionList.make(
            topics.map { (TopicPartition(topic: $0, partition: RD_KAFKA_PARTITION_UA), offset: 0) }
        )
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let code = rd_kafka_subscribe(pointer, list)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return KafkaError(code: code, context: "subscribing to \(topics.joined(separator: ", "))")
        }
        return nil
    }

    /// Waits up to `timeoutMilliseconds` for one message and copies it out. Rebalance callbacks
    /// run inside this call. Blocking: call on the consumer's queue.
    func consumerPoll(timeoutMilliseconds: Int32) -> Result<ConsumerEvent?, KafkaError> {
        guard let message = rd_kafka_consumer_poll(pointer, timeoutMilliseconds) else { return .success(nil) }
        defer { rd_kafka_message_destroy(message) }
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let partition = message.pointee.partition
        switch message.pointee.err {
        case RD_KAFKA_RESP_ERR_NO_ERROR:
            return .success(.record(Self.record(from: message, topic: topic)))
        case RD_KAFKA_RESP_ERR__PARTITION_EOF:
            return .success(
                .endOfPartition(TopicPartition(topic: topic, partition: partition), offset: message.pointee.offset)
            )
        case let code:
            let reason = String(cString: rd_kafka_message_errstr(message))
            let location = topic.isEmpty ? "" : " on \(TopicPartition(topic: topic, partition: partition))"
            return .failure(KafkaError(code: code, context: "consumer error\(location) (\(reason))"))
        }
    }

    /// Stores `nextOffset` for `topicPartition`, to go out with the next commit.
    func storeOffset(_ nextOffset: Int64, for topicPartition: TopicPartition) -> KafkaError? {
        let list = TopicPartitionList.make([(topicPartition, offset: nextOffset)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let code = rd_kafka_offsets_store(pointer, list)
        // The call can succeed while the partition itself failed, for one no longer assigned.
        let partitionCode = list.pointee.elems[0].err
        let failure = code != RD_KAFKA_RESP_ERR_NO_ERROR ? code : partitionCode
        guard failure != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(code: failure, context: "storing offset \(nextOffset) for \(topicPartition)")
    }

    /// Moves the fetch position of assigned partitions. Blocking: call on the consumer's queue.
    func seek(_ offsets: [(TopicPartition, offset: Int64)], timeout: Duration) -> KafkaError? {
        let list = TopicPartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = rd_kafka_seek_partitions(pointer, list, timeout.timeoutMilliseconds) {
            return KafkaError(consuming: error, context: "seeking")
        }
        for index in 0..<Int(list.pointee.cnt) where list.pointee.elems[index].err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let element = list.pointee.elems[index]
            let partition = TopicPartition(topic: String(cString: element.topic), partition: element.partition)
            return KafkaError(code: element.err, context: "seeking \(partition) to \(element.offset)")
        }
        return nil
    }

    /// Synchronously commits the stored offsets; having nothing to commit is not an error.
    /// Blocking: call on the consumer's queue.
    func commitStoredOffsets() -> KafkaError? {
        let code = rd_kafka_commit(pointer, nil, 0)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR__NO_OFFSET else { return nil }
        return KafkaError(code: code, context: "committing offsets")
    }

    /// Leaves the group, running the final revoke. Blocking: call on the consumer's queue.
    func closeConsumer() -> KafkaError? {
        let code = rd_kafka_consumer_close(pointer)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(code: code, context: "closing the consumer")
    }

    /// Copies a message's fields out of librdkafka's buffers.
    private static func record(from message: UnsafeMutablePointer<rd_kafka_message_t>, topic: String) -> ConsumedRecord
    {
        let fields = message.pointee
        let key = fields.key.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.key_len)) }
        let value = fields.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.len)) } ?? []
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        let timestamp =
            timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE || milliseconds < 0
            ? nil : Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return ConsumedRecord(
            topic: topic,
            partition: fields.partition,
            offset: fields.offset,
            key: key,
            value: value,
            headers: headers(of: message),
            timestamp: timestamp,
            isTombstone: fields.payload == nil
        )
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        // The headers list belongs to the message and goes away with it.
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var headers: [KafkaHeader] = []
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
            headers.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "", value: bytes))
            index += 1
        }
        return headers
    }
}
