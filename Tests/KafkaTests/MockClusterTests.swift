import Foundation
import Testing

@testable import Kafka

/// Runs against librdkafka's in-process mock cluster: no broker needed. The admin client owns
/// the mock cluster; producers and consumers connect to its brokers like to real ones. The mock
/// cluster does not implement CreateTopics (requests time out), so topics here are created by
/// producing to them; `RealBrokerTests` covers createTopics.
@Suite(.timeLimit(.minutes(1)), .serialized)
struct MockClusterTests {
    private static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// An admin client that owns a fresh mock cluster, and that cluster's bootstrap servers.
    private static func mockCluster() throws -> (KafkaAdmin, [String]) {
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

    private static func consumerConfiguration(servers: [String], group: String) -> ConsumerConfiguration {
        var configuration = ConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: servers),
            groupID: group
        )
        // The mock cluster's group coordinator waits out the initial rebalance delay otherwise.
        configuration.sessionTimeout = .seconds(6)
        return configuration
    }

    private static func send(
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
    /// storing each record's offset; returns the records and every other event seen.
    private static func drain(
        _ consumer: KafkaConsumer,
        expecting expected: Int,
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
                try consumer.storeOffset(for: record)
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

    @Test func producedRecordsAreConsumedWithHeadersAndASecondMemberResumesAfterCommittedOffsets() async throws {
        let (admin, servers) = try Self.mockCluster()
        let topic = Self.uniqueName("articles")
        let group = Self.uniqueName("enrichers")
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let reports = try await Self.send(30, from: 0, to: topic, with: producer)
        #expect(reports.count == 30)
        #expect(Set(reports.map { "\($0.partition)/\($0.offset)" }).count == 30)
        #expect(reports.allSatisfy { $0.topic == topic && $0.offset >= 0 })
        let partitionCount = try #require(
            try await admin.listTopics(timeout: .seconds(10)).first { $0.name == topic }?.partitions
        )
        #expect(partitionCount > 1)
        let allPartitions = (0..<partitionCount).map { TopicPartition(topic: topic, partition: $0) }

        let logs = LogRecorder()
        let first = try KafkaConsumer(
            configuration: Self.consumerConfiguration(servers: servers, group: group),
            logger: logs.logger(level: .info)
        )
        try first.subscribe(topics: [topic])
        let (records, events) = try await Self.drain(first, expecting: 30)
        #expect(records.count == 30)
        guard case .assigned(let assigned)? = events.first else {
            Issue.record("the first event must be the assignment, got \(events)")
            return
        }
        #expect(Set(assigned) == Set(allPartitions))
        #expect(first.assignment() == allPartitions)
        #expect(events.contains { if case .endOfPartition = $0 { true } else { false } })
        for record in records {
            let index = try #require(record.headers.string(for: "index"))
            #expect(record.key == Array("article-\(index)".utf8))
            #expect(record.value == Array("body \(index)".utf8))
            #expect(record.headers.string(for: "schema-version") == "1")
            #expect(record.headers.contains(KafkaHeader(key: "empty", value: nil)))
            #expect(record.timestamp != nil)
        }
        #expect(Set(records.compactMap { $0.headers.string(for: "index") }) == Set((0..<30).map(String.init)))
        try await first.commit()
        await first.close()
        await first.close()
        let rebalanceLogs = logs.recorded.filter { $0.level == .info && $0.metadata["kafka.group_id"] == group }
        #expect(rebalanceLogs.map(\.message) == ["partitions assigned", "partitions revoked"])
        #expect(
            rebalanceLogs.first?.metadata["kafka.partitions"]
                == allPartitions.map(\.description).joined(separator: ", "))

        _ = try await Self.send(5, from: 30, to: topic, with: producer)
        try await producer.flush(timeout: .seconds(5))

        let second = try KafkaConsumer(
            configuration: Self.consumerConfiguration(servers: servers, group: group), logger: .quiet)
        try second.subscribe(topics: [topic])
        let (resumed, _) = try await Self.drain(second, expecting: 5)
        #expect(resumed.compactMap { $0.headers.string(for: "index") }.sorted() == (30..<35).map(String.init).sorted())
        await second.close()
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    @Test func sendRetriesWhileTheLocalQueueIsFullUntilEveryRecordIsDelivered() async throws {
        let (admin, servers) = try Self.mockCluster()
        let logs = LogRecorder()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(
                client: KafkaClientConfiguration(
                    bootstrapServers: servers,
                    additional: ["queue.buffering.max.messages": "2"]
                )
            ),
            logger: logs.logger(level: .debug)
        )
        let reports = try await Self.send(40, from: 0, to: Self.uniqueName("backpressure"), with: producer)
        #expect(reports.count == 40)
        #expect(logs.recorded.contains { $0.message == "librdkafka queue full, retrying" })
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    @Test func sendAfterCloseFailsWithClosed() async throws {
        let (admin, servers) = try Self.mockCluster()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let topic = Self.uniqueName("closed")
        _ = try await producer.send(OutgoingMessage(topic: topic, key: nil, value: [1]))
        await producer.close(timeout: .seconds(5))
        do {
            _ = try await producer.send(OutgoingMessage(topic: topic, key: nil, value: [2]))
            Issue.record("send after close must fail")
        } catch {
            #expect(error.kind == .closed)
        }
        await admin.close()
    }

    @Test func listTopicsShowsProducedToTopicsWithoutInternalOnes() async throws {
        let (admin, servers) = try Self.mockCluster()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let topics = [Self.uniqueName("raw"), Self.uniqueName("enriched")]
        for topic in topics {
            _ = try await producer.send(OutgoingMessage(topic: topic, key: nil, value: [1]))
        }
        let listed = try await admin.listTopics(timeout: .seconds(10))
        #expect(Set(listed.map(\.name)).isSuperset(of: topics))
        #expect(listed.allSatisfy { $0.partitions > 0 && !$0.name.hasPrefix("__") })
        #expect(listed.map(\.name) == listed.map(\.name).sorted())
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }
}

@Suite(.timeLimit(.minutes(1)))
struct UnreachableBrokerTests {
    @Test func listTopicsAgainstAClosedPortSaysTheBrokerIsUnreachable() async throws {
        let admin = try KafkaAdmin(
            configuration: KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"]),
            logger: .quiet
        )
        do {
            _ = try await admin.listTopics(timeout: .seconds(2))
            Issue.record("nothing listens on port 9")
        } catch {
            #expect(error.kind == .brokerUnreachable)
            #expect(error.message.hasPrefix("broker 127.0.0.1:9 unreachable after 2 s: is it running?"))
            #expect(error.message.contains("KAFKA_BROKERS"))
        }
        await admin.close()
    }

    @Test func createTopicsAgainstAClosedPortSaysTheBrokerIsUnreachable() async throws {
        let admin = try KafkaAdmin(
            configuration: KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"]),
            logger: .quiet
        )
        do {
            _ = try await admin.createTopics([TopicSpecification(name: "t", partitions: 1)], timeout: .seconds(2))
            Issue.record("nothing listens on port 9")
        } catch {
            #expect(error.kind == .brokerUnreachable)
            #expect(error.message.contains("127.0.0.1:9 unreachable"))
        }
        await admin.close()
    }
}
