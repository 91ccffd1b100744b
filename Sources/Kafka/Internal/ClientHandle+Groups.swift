import CRDKafka

extension ClientHandle {
    /// The ids of the consumer groups the cluster knows (a ListGroups request to every broker),
    /// sorted. Blocking: call on the admin client's queue.
    func consumerGroupIDs(timeout: Duration) -> Result<[String], KafkaError> {
        let operation = "listing consumer groups"
        let options = rd_kafka_AdminOptions_new(pointer, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        var reason = [CChar](repeating: 0, count: 512)
        rd_kafka_AdminOptions_set_request_timeout(options, timeout.timeoutMilliseconds, &reason, reason.count)

        let resultQueue = rd_kafka_queue_new(pointer)
        defer { rd_kafka_queue_destroy(resultQueue) }
        rd_kafka_ListConsumerGroups(pointer, options, resultQueue)
        switch adminResult(on: resultQueue, operation: operation, timeout: timeout) {
        case .failure(let error):
            return .failure(error)
        case .success(let event):
            defer { rd_kafka_event_destroy(event) }
            let result = rd_kafka_event_ListConsumerGroups_result(event)
            var count = 0
            guard let listings = rd_kafka_ListConsumerGroups_result_valid(result, &count) else { return .success([]) }
            let ids = (0..<count).compactMap { index in
                rd_kafka_ConsumerGroupListing_group_id(listings[index]).map { String(cString: $0) }
            }
            return .success(ids.sorted())
        }
    }

    /// The coordinator's description of `group` (a DescribeGroups request).
    /// Blocking: call on the admin client's queue.
    func consumerGroupDescription(_ group: String, timeout: Duration) -> Result<ConsumerGroupDescription, KafkaError> {
        let operation = "describing consumer group \(group)"
        let options = rd_kafka_AdminOptions_new(pointer, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        var reason = [CChar](repeating: 0, count: 512)
        rd_kafka_AdminOptions_set_request_timeout(options, timeout.timeoutMilliseconds, &reason, reason.count)

        let resultQueue = rd_kafka_queue_new(pointer)
        defer { rd_kafka_queue_destroy(resultQueue) }
        group.withCString { groupName in
            var names: [UnsafePointer<CChar>?] = [groupName]
            rd_kafka_DescribeConsumerGroups(pointer, &names, 1, options, resultQueue)
        }
        switch adminResult(on: resultQueue, operation: operation, timeout: timeout) {
        case .failure(let error):
            return .failure(error)
        case .success(let event):
            defer { rd_kafka_event_destroy(event) }
            let result = rd_kafka_event_DescribeConsumerGroups_result(event)
            var count = 0
            guard let groups = rd_kafka_DescribeConsumerGroups_result_groups(result, &count), count > 0,
                let description = groups[0]
            else {
                return .failure(KafkaError(kind: .librdkafka, message: "\(operation): the broker returned no group"))
            }
            if let error = rd_kafka_ConsumerGroupDescription_error(description) {
                let code = rd_kafka_error_code(error)
                let text = String(cString: rd_kafka_error_string(error))
                return .failure(KafkaError(code: code, context: "\(operation) (\(text))"))
            }
            return .success(Self.groupDescription(description, group: group))
        }
    }

    /// Waits for the result event of an admin request; the caller destroys it.
    private func adminResult(
        on queue: OpaquePointer?, operation: String, timeout: Duration
    ) -> Result<OpaquePointer, KafkaError> {
        guard let event = waitForEvent(on: queue, timeout: timeout + Self.resultGrace) else {
            return .failure(timeoutError(operation: operation, after: timeout))
        }
        let code = rd_kafka_event_error(event)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let reasonText = String(cString: rd_kafka_event_error_string(event))
            rd_kafka_event_destroy(event)
            let error = KafkaError(code: code, context: "\(operation) (\(reasonText))")
            return .failure(
                error.kind == .timedOut || error.kind == .brokerUnreachable
                    ? timeoutError(operation: operation, after: timeout) : error)
        }
        context.recordBrokerSuccess()
        return .success(event)
    }

    private static func groupDescription(_ description: OpaquePointer, group: String) -> ConsumerGroupDescription {
        let state = String(
            cString: rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(description)))
        let members = (0..<rd_kafka_ConsumerGroupDescription_member_count(description)).compactMap {
            index -> ConsumerGroupDescription.Member? in
            guard let member = rd_kafka_ConsumerGroupDescription_member(description, index) else { return nil }
            func text(_ value: UnsafePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
            var assignment: [TopicPartition] = []
            if let assigned = rd_kafka_MemberDescription_assignment(member),
                let partitions = rd_kafka_MemberAssignment_partitions(assigned)
            {
                assignment = TopicPartitionList.topicPartitions(in: partitions)
                    .sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
            }
            return ConsumerGroupDescription.Member(
                memberID: text(rd_kafka_MemberDescription_consumer_id(member)),
                clientID: text(rd_kafka_MemberDescription_client_id(member)),
                host: text(rd_kafka_MemberDescription_host(member)),
                assignment: assignment)
        }
        return ConsumerGroupDescription(
            group: group, state: state,
            members: members.sorted { ($0.clientID, $0.memberID) < ($1.clientID, $1.memberID) })
    }
}
