import Foundation
import Testing

@testable import Kafka

/// Transactions and consumer positioning against librdkafka's mock cluster. The mock cluster
/// runs the transaction protocol but does not commit offsets sent to a transaction, hide aborted
/// records or fence zombies; `RealBrokerTests` checks the offsets against the real broker.
@Suite(.timeLimit(.minutes(1)), .serialized)
struct TransactionTests {
    private struct Fixture {
        let admin: KafkaAdmin
        let servers: [String]
        let input: String
        let output = MockCluster.uniqueName("output")
        let group = MockCluster.uniqueName("transform")
        let reports: [DeliveryReport]

        static func make(records: Int) async throws -> Fixture {
            let (admin, servers) = try MockCluster.start()
            let producer = try KafkaProducer(
                configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
                logger: .quiet)
            let input = MockCluster.uniqueName("input")
            let reports = try await MockCluster.send(records, from: 0, to: input, with: producer)
            await producer.close(timeout: .seconds(5))
            return Fixture(admin: admin, servers: servers, input: input, reports: reports)
        }

        private init(admin: KafkaAdmin, servers: [String], input: String, reports: [DeliveryReport]) {
            self.admin = admin
            self.servers = servers
            self.input = input
            self.reports = reports
        }

        func consumer(startingOffsets: KafkaConsumer.StartingOffsets? = nil) throws -> KafkaConsumer {
            try KafkaConsumer(
                configuration: MockCluster.consumerConfiguration(servers: servers, group: group),
                logger: .quiet, startingOffsets: startingOffsets)
        }

        func transactionalProducer() throws -> KafkaProducer {
            var configuration = ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers))
            configuration.transactionalID = MockCluster.uniqueName("transactional")
            return try KafkaProducer(configuration: configuration, logger: .quiet)
        }

        /// Consumes every input record, sends one output per record and the consumed offsets in
        /// one transaction, and leaves it open for the caller to commit or abort.
        func transform(with producer: KafkaProducer, consumer: KafkaConsumer) async throws {
            try consumer.subscribe(topics: [input])
            let (records, _) = try await MockCluster.drain(consumer, expecting: reports.count, storing: false)
            #expect(records.count == reports.count)
            try await producer.initTransactions(timeout: .seconds(10))
            try producer.beginTransaction()
            var next: [TopicPartition: Int64] = [:]
            for record in records {
                _ = try await producer.send(OutgoingMessage(topic: output, key: record.key, value: record.value))
                next[record.topicPartition] = max(next[record.topicPartition] ?? 0, record.offset + 1)
            }
            try await producer.sendOffsetsToTransaction(next, consumer: consumer, timeout: .seconds(10))
        }

        /// Every record in `topic`, read by a new group.
        func readAll(_ topic: String, expecting expected: Int) async throws -> [ConsumedRecord] {
            let reader = try KafkaConsumer(
                configuration: MockCluster.consumerConfiguration(
                    servers: servers, group: MockCluster.uniqueName("reader")),
                logger: .quiet)
            try reader.subscribe(topics: [topic])
            let (records, _) = try await MockCluster.drain(reader, expecting: expected, storing: false)
            await reader.close()
            return records
        }
    }

    @Test func committedTransactionDeliversItsOutput() async throws {
        let fixture = try await Fixture.make(records: 12)
        let consumer = try fixture.consumer()
        let producer = try fixture.transactionalProducer()
        try await fixture.transform(with: producer, consumer: consumer)
        try await producer.commitTransaction(timeout: .seconds(10))
        await consumer.close()

        let output = try await fixture.readAll(fixture.output, expecting: 12)
        #expect(output.count == 12)
        #expect(Set(output.compactMap(\.key)) == Set(fixture.reports.indices.map { Array("article-\($0)".utf8) }))
        await producer.close(timeout: .seconds(5))
        await fixture.admin.close()
    }

    @Test func producerBeginsAndCommitsANewTransactionAfterAnAbort() async throws {
        let fixture = try await Fixture.make(records: 12)
        let consumer = try fixture.consumer()
        let producer = try fixture.transactionalProducer()
        try await fixture.transform(with: producer, consumer: consumer)
        try await producer.abortTransaction(timeout: .seconds(10))
        try producer.beginTransaction()
        #expect(throws: KafkaError.self) { try producer.beginTransaction() }
        _ = try await producer.send(OutgoingMessage(topic: fixture.output, key: nil, value: Array("after".utf8)))
        try await producer.commitTransaction(timeout: .seconds(10))
        await consumer.close()
        #expect(try await fixture.readAll(fixture.output, expecting: 1).contains { $0.value == Array("after".utf8) })
        await producer.close(timeout: .seconds(5))
        await fixture.admin.close()
    }

    @Test func transactionCallsOnAProducerWithoutTransactionalIDFail() async throws {
        let (admin, servers) = try MockCluster.start()
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: servers)),
            logger: .quiet)
        await #expect(throws: KafkaError.self) { try await producer.initTransactions(timeout: .seconds(5)) }
        #expect(throws: KafkaError.self) { try producer.beginTransaction() }
        await producer.close(timeout: .seconds(5))
        await #expect {
            try await producer.commitTransaction(timeout: .seconds(5))
        } throws: { error in
            (error as? KafkaError)?.kind == .closed
        }
        await admin.close()
    }

    @Test func startingOffsetsPositionNewlyAssignedPartitions() async throws {
        let fixture = try await Fixture.make(records: 20)
        let consumer = try fixture.consumer { partitions in
            Dictionary(uniqueKeysWithValues: partitions.map { ($0, Int64(2)) })
        }
        let expected = fixture.reports.filter { $0.offset >= 2 }
        try consumer.subscribe(topics: [fixture.input])
        let (records, _) = try await MockCluster.drain(consumer, expecting: expected.count, storing: false)
        #expect(records.count == expected.count)
        #expect(records.allSatisfy { $0.offset >= 2 })
        await consumer.close()
        await fixture.admin.close()
    }

    @Test func seekRewindsAnAssignedPartition() async throws {
        let fixture = try await Fixture.make(records: 20)
        let consumer = try fixture.consumer()
        try consumer.subscribe(topics: [fixture.input])
        let (records, _) = try await MockCluster.drain(consumer, expecting: 20, storing: false)
        let partition = try #require(records.first?.topicPartition)
        let inPartition = records.filter { $0.topicPartition == partition }.map(\.offset).sorted()

        try await consumer.seek([partition: 1], timeout: .seconds(5))
        var again: [Int64] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while again.count < inPartition.count - 1, ContinuousClock.now < deadline {
            if case .record(let record) = try await consumer.poll(timeout: .milliseconds(100)) {
                #expect(record.topicPartition == partition)
                again.append(record.offset)
            }
        }
        #expect(again == Array(inPartition.dropFirst()))
        await consumer.close()
        await fixture.admin.close()
    }
}
