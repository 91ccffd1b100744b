import Foundation
import Testing

@testable import Kafka

/// librdkafka's in-process mock cluster and the helpers the mock-cluster tests share.
enum MockCluster {
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// An admin client that owns a fresh mock cluster, and that cluster's bootstrap servers.
    static func start() throws -> (KafkaAdmin, [String]) {
        let admin = try KafkaAdmin(
            configuration: KafkaClientConfiguration(
                bootstrapServers: ["mock:0"],
                additional: ["test.mock.num.brokers": "1"]
            ),
            logger: .quiet
        )
        let servers = try #require(admin.effectiveProperty("bootstrap.servers"))
        #expect(servers.hasPrefix("127.0.0.1:") || servers.hasPrefix("localhost:"))
        return (admin, servers.split(separator: ",").map(String.init))
    }

    static func consumerConfiguration(servers: [String], group: String) -> ConsumerConfiguration {
        var configuration = ConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: servers),
            groupID: group
        )
        // The mock cluster's group coordinator waits out the initial rebalance delay otherwise.
        configuration.sessionTimeout = .seconds(6)
        return configuration
    }

    static func send(
        _ count: Int,
        from start: Int,
        to topic: String,
        with producer: KafkaProducer
    ) async throws -> [DeliveryReport] {
        try await withThrowingTaskGroup(of: DeliveryReport.self) { group in
            for index in start..<(start + count) {
                group.addTask {
                    try await producer.send(
                        OutgoingMessage(
                            topic: topic,
                            key: Array("article-\(index)".utf8),
                            value: Array("body \(index)".utf8),
                            headers: [
                                KafkaHeader(key: "schema-version", string: "1"),
                                KafkaHeader(key: "index", string: "\(index)"),
                                KafkaHeader(key: "empty", value: nil),
                            ]
                        )
                    )
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Polls until `expected` records arrived and every assigned partition reported its end,
    /// storing each record's offset unless `storing` is false; returns the records and every
    /// other event seen.
    static func drain(
        _ consumer: KafkaConsumer,
        expecting expected: Int,
        storing: Bool = true,
        within limit: Duration = .seconds(30)
    ) async throws -> (records: [ConsumedRecord], events: [ConsumerEvent]) {
        var records: [ConsumedRecord] = []
        var events: [ConsumerEvent] = []
        var atEnd: Set<TopicPartition> = []
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard let event = try await consumer.poll(timeout: .milliseconds(200)) else { continue }
            switch event {
            case .record(let record):
                records.append(record)
                atEnd.remove(record.topicPartition)
                if storing { try consumer.storeOffset(for: record) }
            case .endOfPartition(let partition, _):
                atEnd.insert(partition)
                events.append(event)
            case .assigned, .revoked:
                events.append(event)
            }
            let assigned = Set(consumer.assignment())
            if records.count >= expected, !assigned.isEmpty, assigned.isSubset(of: atEnd) { break }
        }
        return (records, events)
    }
}
