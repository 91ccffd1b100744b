import Foundation
import Testing

@testable import Kafka

/// ``KafkaOffsetReader`` against the real local broker (`NEWS_TEST_BROKERS`), whose ListOffsets
/// answer trails the end of a partition by most of a batch: the reader must not.
extension RealBrokerTests {
    @Suite struct OffsetReaderTests {
        private let client: KafkaClientConfiguration

        init() throws {
            client = try RealBrokerTests.brokerClient()
        }

        @Test func partitionEndsMatchTheDeliveryReportsOnceProducingStops() async throws {
            let topic = MockCluster.uniqueName("offsets")
            let admin = try KafkaAdmin(configuration: client, logger: .quiet)
            _ = try await admin.createTopics([TopicSpecification(name: topic, partitions: 3)], timeout: .seconds(10))
            await admin.close()
            let reader = KafkaOffsetReader(configuration: client, logger: .quiet)
            let empty = try await reader.partitionOffsets(of: topic, timeout: .seconds(20))
            #expect(empty.count == 3)
            #expect(empty.values.allSatisfy { $0 == KafkaOffsetReader.PartitionOffsets(start: 0, end: 0) })

            // Sent all at once, so that the broker receives batches of many records.
            let producer = try KafkaProducer(configuration: ProducerConfiguration(client: client), logger: .quiet)
            let reports = try await MockCluster.send(300, from: 0, to: topic, with: producer)
            await producer.close(timeout: .seconds(5))
            var expected: [TopicPartition: KafkaOffsetReader.PartitionOffsets] = [:]
            for report in reports {
                let partition = TopicPartition(topic: topic, partition: report.partition)
                expected[partition] = .init(start: 0, end: max(expected[partition]?.end ?? 0, report.offset + 1))
            }
            #expect(try await reader.partitionOffsets(of: topic, timeout: .seconds(20)) == expected)
            // Asked again with nothing new: the same ends, not a stale or missing answer.
            #expect(try await reader.partitionOffsets(of: topic, timeout: .seconds(20)) == expected)
            await reader.close()
        }

        @Test func committedOffsetsAreThoseTheGroupCommittedAndNoneBefore() async throws {
            let topic = MockCluster.uniqueName("committed")
            let group = MockCluster.uniqueName("group")
            let admin = try KafkaAdmin(configuration: client, logger: .quiet)
            _ = try await admin.createTopics([TopicSpecification(name: topic, partitions: 2)], timeout: .seconds(10))
            await admin.close()
            let producer = try KafkaProducer(configuration: ProducerConfiguration(client: client), logger: .quiet)
            _ = try await MockCluster.send(20, from: 0, to: topic, with: producer)
            await producer.close(timeout: .seconds(5))
            let partitions = [TopicPartition(topic: topic, partition: 0), TopicPartition(topic: topic, partition: 1)]
            let reader = KafkaOffsetReader(configuration: client, logger: .quiet)
            #expect(try await reader.committedOffsets(of: group, for: partitions, timeout: .seconds(20)).isEmpty)

            let consumer = try KafkaConsumer(
                configuration: ConsumerConfiguration(client: client, groupID: group), logger: .quiet)
            try consumer.subscribe(topics: [topic])
            let (records, _) = try await MockCluster.drain(consumer, expecting: 20, within: .seconds(60))
            try await consumer.commit()
            await consumer.close()
            var next: [TopicPartition: Int64] = [:]
            for record in records {
                next[record.topicPartition] = max(next[record.topicPartition] ?? 0, record.offset + 1)
            }
            #expect(try await reader.committedOffsets(of: group, for: partitions, timeout: .seconds(20)) == next)
            await reader.close()
        }
    }
}
