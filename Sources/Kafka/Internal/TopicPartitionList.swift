import CRDKafka

/// Conversions between Swift topic partitions and `rd_kafka_topic_partition_list_t`.
enum TopicPartitionList {
    /// Copies the topic partitions out of `list`, which stays owned by the caller.
    static func topicPartitions(in list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartition] {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elements = list.pointee.elems else { return [] }
        return (0..<count).map { index in
            TopicPartition(topic: String(cString: elements[index].topic), partition: elements[index].partition)
        }
    }

    /// A new list holding `entries`; the caller owns it and must `rd_kafka_topic_partition_list_destroy` it.
    static func make(_ entries: [(TopicPartition, offset: Int64)]) -> UnsafeMutablePointer<
        rd_kafka_topic_partition_list_t
    > {
        let list = rd_kafka_topic_partition_list_new(Int32(clamping: entries.count))!
        for (topicPartition, offset) in entries {
            let element = rd_kafka_topic_partition_list_add(list, topicPartition.topic, topicPartition.partition)!
            element.pointee.offset = offset
        }
        return list
    }

    static func description(of partitions: [TopicPartition]) -> String {
        partitions.map(\.description).joined(separator: ", ")
    }
}
