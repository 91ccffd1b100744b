import Foundation
import Testing

@testable import Kafka

/// Runs only when `KAFKA_TEST_BROKERS` names a real broker (such as the local Tansu one):
/// the mock cluster cannot create topics.
@Suite(
    .timeLimit(.minutes(1)),
    .enabled(if: ProcessInfo.processInfo.environment["KAFKA_TEST_BROKERS"] != nil, "set KAFKA_TEST_BROKERS")
)
struct RealBrokerTests {
    private let client = KafkaClientConfiguration(
        bootstrapServers: (ProcessInfo.processInfo.environment["KAFKA_TEST_BROKERS"] ?? "").split(separator: ",")
            .map(String.init)
    )

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
}
