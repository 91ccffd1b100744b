import Foundation
import Testing

@testable import Kafka

/// Against the real local broker that `scripts/test.sh` starts (`NEWS_TEST_BROKERS`): what the
/// mock cluster cannot do (create topics) or may do differently (transactions). Runs whenever a
/// broker is given and always under `CI=true`, where a missing broker fails instead of skipping.
@Suite(
    .timeLimit(.minutes(2)),
    .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["NEWS_TEST_BROKERS"] != nil
            || ProcessInfo.processInfo.environment["CI"] == "true",
        "set NEWS_TEST_BROKERS (scripts/test.sh does)")
)
struct RealBrokerTests {
    private let client: KafkaClientConfiguration

    init() throws {
        client = try Self.brokerClient()
    }

    /// The test broker that scripts/test.sh started.
    static func brokerClient() throws -> KafkaClientConfiguration {
        let brokers = try #require(
            ProcessInfo.processInfo.environment["NEWS_TEST_BROKERS"],
            "NEWS_TEST_BROKERS is not set: run the tests with scripts/test.sh, which starts a local broker")
        return KafkaClientConfiguration(bootstrapServers: brokers.split(separator: ",").map(String.init))
    }

    @Test func createTopicsCreatesMissingTopicsOnceAndListTopicsShowsThem() async throws {
        let admin = try KafkaAdmin(configuration: client, logger: .quiet)
        let suffix = UInt32.random(in: 0...UInt32.max)
        let topics = ["raw-\(suffix)", "enriched-\(suffix)"]
        let specifications = topics.map { TopicSpecification(name: $0, partitions: 4) }
        #expect(Set(try await admin.createTopics(specifications, timeout: .seconds(10))) == Set(topics))
        #expect(try await admin.createTopics(specifications, timeout: .seconds(10)).isEmpty)
        let listed = try await admin.listTopics(timeout: .seconds(10))
        for topic in topics {
            #expect(listed.contains(TopicDescription(name: topic, partitions: 4)))
        }
        await admin.close()
    }

    /// Consume-transform-produce on the real broker: the aborted attempt commits no offsets, the
    /// committed one commits them with its output, and `read_committed` readers see the output.
    @Test func transactionCommitsOffsetsWithOutputAndAbortCommitsNone() async throws {
        let suffix = UInt32.random(in: 0...UInt32.max)
        let (input, output, group) = ("txn-in-\(suffix)", "txn-out-\(suffix)", "txn-group-\(suffix)")
        let admin = try KafkaAdmin(configuration: client, logger: .quiet)
        _ = try await admin.createTopics(
            [TopicSpecification(name: input, partitions: 2), TopicSpecification(name: output, partitions: 2)],
            timeout: .seconds(10))
        await admin.close()
        let plain = try KafkaProducer(configuration: ProducerConfiguration(client: client), logger: .quiet)
        _ = try await MockCluster.send(10, from: 0, to: input, with: plain)
        await plain.close(timeout: .seconds(5))

        var settings = ProducerConfiguration(client: client)
        settings.transactionalID = "txn-\(suffix)"
        let producer = try KafkaProducer(configuration: settings, logger: .quiet)
        try await producer.initTransactions(timeout: .seconds(30))

        for commit in [false, true] {
            let consumer = try KafkaConsumer(
                configuration: ConsumerConfiguration(client: client, groupID: group), logger: .quiet)
            try consumer.subscribe(topics: [input])
            let (records, _) = try await MockCluster.drain(
                consumer, expecting: 10, storing: false, within: .seconds(60))
            #expect(records.count == 10)
            var next: [TopicPartition: Int64] = [:]
            for record in records {
                next[record.topicPartition] = max(next[record.topicPartition] ?? 0, record.offset + 1)
            }
            try producer.beginTransaction()
            for record in records {
                _ = try await producer.send(
                    OutgoingMessage(topic: output, key: record.key, value: Array("\(commit)".utf8)))
            }
            try await producer.sendOffsetsToTransaction(next, consumer: consumer, timeout: .seconds(10))
            if commit {
                try await producer.commitTransaction(timeout: .seconds(30))
            } else {
                try await producer.abortTransaction(timeout: .seconds(30))
            }
            await consumer.close()
            let unread = try await Self.committedRecordsRead(client: client, topic: input, group: group)
            #expect(unread == (commit ? 0 : 10))
        }
        await producer.close(timeout: .seconds(5))

        let committedOutput = try await Self.committedRecordsRead(
            client: client, topic: output, group: "reader-\(suffix)", isolation: .readCommitted, value: "true")
        #expect(committedOutput == 10)
    }

    /// How many records a member of `group` reads from `topic` starting at the group's committed
    /// offsets (with a value of `value`, when given). Reading stores nothing.
    private static func committedRecordsRead(
        client: KafkaClientConfiguration,
        topic: String,
        group: String,
        isolation: IsolationLevel = .readCommitted,
        value: String? = nil
    ) async throws -> Int {
        var configuration = ConsumerConfiguration(client: client, groupID: group)
        configuration.isolationLevel = isolation
        let consumer = try KafkaConsumer(configuration: configuration, logger: .quiet)
        try consumer.subscribe(topics: [topic])
        let (records, _) = try await MockCluster.drain(consumer, expecting: 0, storing: false, within: .seconds(60))
        await consumer.close()
        return records.filter { value == nil || $0.value == Array(value!.utf8) }.count
    }
}
