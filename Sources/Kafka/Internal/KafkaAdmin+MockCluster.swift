import CRDKafka

extension KafkaAdmin {
    /// For tests on an admin client that owns a mock cluster (`test.mock.num.brokers`): the
    /// next `count` produce requests any client sends to it fail with the broker error
    /// `librdkafkaCode`, as a broker refusing records would answer. Does nothing otherwise.
    func failNextProduceRequests(_ count: Int, librdkafkaCode: Int32) {
        guard let cluster = rd_kafka_handle_mock_cluster(handle.pointer) else { return }
        let errors = [rd_kafka_resp_err_t](repeating: rd_kafka_resp_err_t(rawValue: librdkafkaCode), count: count)
        // Produce is request type 0 of the Kafka protocol.
        rd_kafka_mock_push_request_errors_array(cluster, 0, count, errors)
    }
}

extension KafkaAdmin {
    /// For tests on an admin client that owns a mock cluster: creates `topic` there, since the
    /// mock cluster does not implement CreateTopics. Does nothing otherwise.
    func createMockTopic(_ topic: String, partitions: Int32) {
        guard let cluster = rd_kafka_handle_mock_cluster(handle.pointer) else { return }
        _ = rd_kafka_mock_topic_create(cluster, topic, partitions, 1)
    }
}
