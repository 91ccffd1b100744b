extension KafkaAdmin {
    /// The ids of the consumer groups the cluster knows, sorted.
    ///
    /// - Parameter timeout: How long to wait for the brokers.
    /// - Throws: ``KafkaError``, `.brokerUnreachable` when no broker answered within `timeout`.
    public func consumerGroupIDs(timeout: Duration) async throws(KafkaError) -> [String] {
        let handle = self.handle
        let result = await queue.runBlocking { () -> Result<[String], KafkaError> in
            guard !handle.isDestroyed else { return .failure(.closed("consumerGroupIDs")) }
            return handle.consumerGroupIDs(timeout: timeout)
        }
        return try result.get()
    }

    /// What the group's coordinator says about `group`: its state and members. A group the
    /// cluster does not know is not an error here; Apache Kafka calls it `Dead`, Tansu `Empty`.
    ///
    /// - Parameters:
    ///   - group: The consumer group; it is not joined.
    ///   - timeout: How long to wait for the brokers.
    /// - Throws: ``KafkaError``, `.brokerUnreachable` when no broker answered within `timeout`.
    public func describeConsumerGroup(_ group: String, timeout: Duration) async throws(KafkaError)
        -> ConsumerGroupDescription
    {
        let handle = self.handle
        let result = await queue.runBlocking { () -> Result<ConsumerGroupDescription, KafkaError> in
            guard !handle.isDestroyed else { return .failure(.closed("describeConsumerGroup")) }
            return handle.consumerGroupDescription(group, timeout: timeout)
        }
        return try result.get()
    }
}
