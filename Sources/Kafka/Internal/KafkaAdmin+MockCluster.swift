import CRDKafka

extension KafkaAdmin {
    /// Kafka protocol requests a test can make the mock cluster fail (their API keys).
    enum MockRequest: Int16 {
        case produce = 0
        case endTransaction = 26
    }

    /// For tests on an admin client that owns a mock cluster (`test.mock.num.brokers`): the
    /// next `count` requests of kind `request` any client sends to it fail with the broker
    /// error `librdkafkaCode`, as a broker refusing them would answer. Does nothing otherwise.
    func failNext(_ count: Int, _ request: MockRequest, librdkafkaCode: Int32) {
        guard let cluster = rd_kafka_handle_mock_cluster(handle.pointer) else { return }
        let errors = [rd_kafka_resp_err_t](repeating: rd_kafka_resp_err_t(rawValue: librdkafkaCode), count: count)
        rd_kafka_mock_push_request_errors_array(cluster, request.rawValue, count, errors)
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
