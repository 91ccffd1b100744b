import CRDKafka

extension ClientHandle {
    /// Assigns the partitions of `starts` to this consumer without joining its group, each
    /// starting where `starts` says. Blocking: call on the consumer's queue.
    func assign(_ starts: [TopicPartition: KafkaConsumer.StartPosition]) -> KafkaError? {
        let entries = starts.sorted { ($0.key.topic, $0.key.partition) < ($1.key.topic, $1.key.partition) }
            .map { partition, start in
                switch start {
                case .beginning: (partition, offset: Int64(RD_KAFKA_OFFSET_BEGINNING))
                case .offset(let offset): (partition, offset: offset)
                }
            }
        let list = TopicPartitionList.make(entries)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let code = rd_kafka_assign(pointer, list)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return KafkaError(code: code, context: "assigning \(TopicPartitionList.description(of: entries.map(\.0)))")
        }
        return nil
    }
}
