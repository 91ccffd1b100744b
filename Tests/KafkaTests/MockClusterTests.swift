import Foundation
import Testing

@testable import Kafka

/// Runs against librdkafka's in-process mock cluster: no broker needed. The admin client owns
/// the mock cluster; producers and consumers connect to its brokers like to real ones. The mock
/// cluster does not implement CreateTopics (requests time out), so topics here are created by
/// producing to them; `RealBrokerTests` covers createTopics.
@Suite(.timeLimit(.minutes(1)), .serialized)
struct MockClusterTests {
    @Test func producedRecordsAreConsumedWithHeadersAndASecondMemberResumesAfterCommittedOffsets() async throws {
        let (admin, servers) = try MockCluster.start()
        let topic = MockCluster.uniqueName("articles")
        let group = MockCluster.uniqueName("enrichers")
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let reports = try await MockCluster.send(30, from: 0, to: topic, with: producer)
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
            configuration: MockCluster.consumerConfiguration(servers: servers, group: group),
            logger: logs.logger(level: .info)
        )
        try first.subscribe(topics: [topic])
        let (records, events) = try await MockCluster.drain(first, expecting: 30)
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
            rebalanceLogs.first?.metadata["partitions"]
                == allPartitions.map(\.description).joined(separator: ", "))

        _ = try await MockCluster.send(5, from: 30, to: topic, with: producer)
        try await producer.flush(timeout: .seconds(5))

        let second = try KafkaConsumer(
            configuration: MockCluster.consumerConfiguration(servers: servers, group: group), logger: .quiet)
        try second.subscribe(topics: [topic])
        let (resumed, _) = try await MockCluster.drain(second, expecting: 5)
        let resumedIndexes = resumed.compactMap { $0.headers.string(for: "index") }.sorted()
        #expect(resumedIndexes == (30..<35).map(String.init).sorted())
        await second.close()
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    @Test func aNullValueIsConsumedAsATombstoneAndAnEmptyValueOrKeyAsEmpty() async throws {
        let (admin, servers) = try MockCluster.start()
        let topic = MockCluster.uniqueName("tombstones")
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet)
        for (key, value) in [("null", nil), ("empty", []), ("", Array("body".utf8))] as [(String, [UInt8]?)] {
            _ = try await producer.send(OutgoingMessage(topic: topic, key: Array(key.utf8), value: value))
        }
        let consumer = try KafkaConsumer(
            configuration: MockCluster.consumerConfiguration(servers: servers, group: MockCluster.uniqueName("g")),
            logger: .quiet)
        try consumer.subscribe(topics: [topic])
        let (records, _) = try await MockCluster.drain(consumer, expecting: 3)
        let byKey = Dictionary(
            uniqueKeysWithValues: records.map { (String(decoding: $0.key ?? [0xFF], as: UTF8.self), $0) })
        #expect(byKey["null"]?.isTombstone == true)
        #expect(byKey["null"]?.value == [])
        #expect(byKey["empty"]?.isTombstone == false)
        #expect(byKey["empty"]?.value == [])
        #expect(byKey[""]?.key == [], "an empty key is not a missing one")
        #expect(byKey[""]?.isTombstone == false)
        await consumer.close()
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    @Test func sendRetriesWhileTheLocalQueueIsFullUntilEveryRecordIsDelivered() async throws {
        let (admin, servers) = try MockCluster.start()
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
        let reports = try await MockCluster.send(
            40, from: 0, to: MockCluster.uniqueName("backpressure"), with: producer)
        #expect(reports.count == 40)
        #expect(logs.recorded.contains { $0.message == "librdkafka queue full, retrying" })
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    @Test func sendAfterCloseFailsWithClosed() async throws {
        let (admin, servers) = try MockCluster.start()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let topic = MockCluster.uniqueName("closed")
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
        let (admin, servers) = try MockCluster.start()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet
        )
        let topics = [MockCluster.uniqueName("raw"), MockCluster.uniqueName("enriched")]
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

    @Test func cancellingASendStopsItsWaitForTheDeliveryReport() async throws {
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"])),
            logger: .quiet
        )
        let sending = Task { try await producer.send(OutgoingMessage(topic: "t", key: nil, value: [1])) }
        try await Task.sleep(for: .milliseconds(300))
        let cancelledAt = ContinuousClock.now
        sending.cancel()
        do {
            _ = try await sending.value
            Issue.record("nothing listens on port 9: the send cannot succeed")
        } catch let error as KafkaError {
            #expect(error.kind == .cancelled)
        }
        #expect(ContinuousClock.now - cancelledAt < .seconds(2))
        await producer.close(timeout: .milliseconds(100))
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
