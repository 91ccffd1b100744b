import CRDKafka
import Foundation

extension ClientHandle {
    /// Extra time to wait for an admin result beyond the request timeout librdkafka enforces itself.
    private static let resultGrace: Duration = .seconds(1)
    /// How often a wait for an admin result also serves the main queue (error callbacks).
    private static let serveInterval: Int32 = 100
    /// The longest single metadata request of ``topicDescriptions(timeout:stopRequested:)``.
    private static let metadataSlice: Duration = .milliseconds(500)

    /// Creates `topics` and returns the names it created; existing topics are skipped.
    /// Blocking: call on the admin client's queue.
    func createTopics(_ topics: [TopicSpecification], timeout: Duration) -> Result<[String], KafkaError> {
        guard !topics.isEmpty else { return .success([]) }
        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            var reason = [CChar](repeating: 0, count: 512)
            guard
                let newTopic = rd_kafka_NewTopic_new(
                    topic.name, topic.partitions, topic.replicationFactor, &reason, reason.count)
            else {
                return .failure(
                    KafkaError(
                        kind: .configuration,
                        message: "topic \(topic.name) is invalid: \(String(nulTerminated: reason))"
                    )
                )
            }
            newTopics.append(newTopic)
            for (name, value) in topic.config.sorted(by: { $0.key < $1.key }) {
                let code = rd_kafka_NewTopic_set_config(newTopic, name, value)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    return .failure(KafkaError(code: code, context: "topic \(topic.name) setting \(name)=\(value)"))
                }
            }
        }

        let options = rd_kafka_AdminOptions_new(pointer, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        var reason = [CChar](repeating: 0, count: 512)
        rd_kafka_AdminOptions_set_request_timeout(options, timeout.timeoutMilliseconds, &reason, reason.count)
        rd_kafka_AdminOptions_set_operation_timeout(options, timeout.timeoutMilliseconds, &reason, reason.count)

        let resultQueue = rd_kafka_queue_new(pointer)
        defer { rd_kafka_queue_destroy(resultQueue) }
        rd_kafka_CreateTopics(pointer, &newTopics, newTopics.count, options, resultQueue)

        let operation = "creating topics \(topics.map(\.name).joined(separator: ", "))"
        guard let event = waitForEvent(on: resultQueue, timeout: timeout + Self.resultGrace) else {
            return .failure(timeoutError(operation: operation, after: timeout))
        }
        defer { rd_kafka_event_destroy(event) }
        let eventCode = rd_kafka_event_error(event)
        guard eventCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let reasonText = String(cString: rd_kafka_event_error_string(event))
            let error = KafkaError(code: eventCode, context: "\(operation) (\(reasonText))")
            return .failure(error.kind == .timedOut ? timeoutError(operation: operation, after: timeout) : error)
        }
        context.recordBrokerSuccess()

        var created: [String] = []
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
        else { return .success([]) }
        for index in 0..<count {
            let name = String(cString: rd_kafka_topic_result_name(results[index]))
            let code = rd_kafka_topic_result_error(results[index])
            switch code {
            case RD_KAFKA_RESP_ERR_NO_ERROR:
                created.append(name)
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
                continue
            default:
                let reasonText = rd_kafka_topic_result_error_string(results[index]).map { String(cString: $0) } ?? ""
                return .failure(KafkaError(code: code, context: "creating topic \(name) (\(reasonText))"))
            }
        }
        return .success(created)
    }

    /// Every topic in the cluster's metadata, internal ones (`__…`) excluded, sorted by name.
    /// Blocking: call on the admin client's queue.
    func topicDescriptions(timeout: Duration, stopRequested: () -> Bool = { false }) -> Result<
        [TopicDescription], KafkaError
    > {
        let deadline = ContinuousClock.now + timeout
        var metadata: UnsafePointer<rd_kafka_metadata_t>?
        var code = RD_KAFKA_RESP_ERR__TIMED_OUT
        // Asked in short slices rather than once for the whole timeout, so that a stop request
        // is seen promptly. librdkafka keeps connecting between them; a slice that fails at once
        // (the broker refused the connection) waits out its time before the next.
        while ContinuousClock.now < deadline {
            guard !stopRequested() else { return .failure(.cancelled("reading cluster metadata")) }
            let sliceEnd = min(deadline, ContinuousClock.now + Self.metadataSlice)
            code = rd_kafka_metadata(pointer, 1, nil, &metadata, (sliceEnd - ContinuousClock.now).timeoutMilliseconds)
            // Serves error callbacks so that a refused connection is known when judging a timeout.
            rd_kafka_poll(pointer, 0)
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { break }
            let kind = KafkaError(code: code, context: "reading cluster metadata").kind
            guard kind == .timedOut || kind == .brokerUnreachable else {
                return .failure(KafkaError(code: code, context: "reading cluster metadata"))
            }
            if sliceEnd > ContinuousClock.now {
                Thread.sleep(forTimeInterval: (sliceEnd - ContinuousClock.now) / .seconds(1))
            }
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            return .failure(timeoutError(operation: "reading cluster metadata", after: timeout))
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        context.recordBrokerSuccess()
        let topics = (0..<Int(metadata.pointee.topic_cnt)).compactMap { index -> TopicDescription? in
            let topic = metadata.pointee.topics[index]
            let name = String(cString: topic.topic)
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR, !name.hasPrefix("__") else { return nil }
            return TopicDescription(name: name, partitions: topic.partition_cnt)
        }
        return .success(topics.sorted { $0.name < $1.name })
    }

    /// Waits for one event on `queue`, serving the main queue meanwhile. Returns `nil` after `timeout`.
    private func waitForEvent(on queue: OpaquePointer?, timeout: Duration) -> OpaquePointer? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let event = rd_kafka_queue_poll(queue, Self.serveInterval) { return event }
            rd_kafka_poll(pointer, 0)
        }
        return nil
    }

    private func timeoutError(operation: String, after timeout: Duration) -> KafkaError {
        context.timeoutError(
            operation: operation,
            after: timeout,
            underlying: KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT, context: operation)
        )
    }
}
