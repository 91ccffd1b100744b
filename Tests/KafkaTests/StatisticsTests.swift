import Foundation
import Synchronization
import Testing

@testable import Kafka

@Suite(.timeLimit(.minutes(1)), .serialized)
struct StatisticsTests {
    @Test func consumerLagIsReadPerFetchedPartitionLeavingOutUnknownLagAndTheUnassignedPseudoPartition() throws {
        let json = """
            {"name": "news-sink#consumer-2", "type": "consumer", "msg_cnt": 0,
             "topics": {"articles.enriched": {"topic": "articles.enriched", "partitions": {
                "0": {"partition": 0, "consumer_lag": 12, "consumer_lag_stored": 3},
                "1": {"partition": 1, "consumer_lag": -1},
                "2": {"partition": 2, "consumer_lag": 0, "fetch_state": "active"},
                "3": {"partition": 3, "consumer_lag": 9, "fetch_state": "none"},
                "4": {"partition": 4, "consumer_lag": 9, "fetch_state": "stopped"},
                "-1": {"partition": -1, "consumer_lag": 5}}}}}
            """
        let statistics = try #require(Self.parse(json))
        #expect(statistics.clientName == "news-sink#consumer-2")
        #expect(statistics.clientType == "consumer")
        #expect(
            statistics.consumerLag == [
                TopicPartition(topic: "articles.enriched", partition: 0): 12,
                TopicPartition(topic: "articles.enriched", partition: 2): 0,
            ])
        #expect(Self.parse("not json") == nil)
        #expect(Self.parse(#"{"name": "p", "type": "producer", "msg_cnt": 42}"#)?.queuedMessages == 42)
    }

    @Test func clientsReportStatisticsWithLagThatReachesZeroOnceEverythingIsCommitted() async throws {
        let (admin, servers) = try MockCluster.start()
        let topic = MockCluster.uniqueName("articles")
        let reports = Mutex<[KafkaStatistics]>([])
        var client = KafkaClientConfiguration(bootstrapServers: servers)
        client.statisticsInterval = .milliseconds(100)
        client.statisticsHandler = { statistics in reports.withLock { $0.append(statistics) } }
        let producer = try KafkaProducer(configuration: ProducerConfiguration(client: client), logger: .quiet)
        _ = try await MockCluster.send(20, from: 0, to: topic, with: producer)
        var configuration = MockCluster.consumerConfiguration(
            servers: servers, group: MockCluster.uniqueName("lag"))
        configuration.client = client
        let consumer = try KafkaConsumer(configuration: configuration, logger: .quiet)
        try consumer.subscribe(topics: [topic])
        let (records, _) = try await MockCluster.drain(consumer, expecting: 20)
        #expect(records.count == 20)
        try await consumer.commit()
        let assigned = Set(consumer.assignment())
        let deadline = ContinuousClock.now + .seconds(10)
        var settled = false
        while !settled, ContinuousClock.now < deadline {
            _ = try await consumer.poll(timeout: .milliseconds(100))
            let latest = reports.withLock { $0.last { $0.clientType == "consumer" } }
            settled =
                latest.map { Set($0.consumerLag.keys) == assigned && $0.consumerLag.values.allSatisfy { $0 == 0 } }
                ?? false
        }
        #expect(settled, "consumer lag of \(assigned) never reached 0: \(reports.withLock { $0.last })")
        #expect(reports.withLock { $0.contains { $0.clientType == "producer" && $0.clientName.contains("producer") } })
        await consumer.close()
        await producer.close(timeout: .seconds(5))
        await admin.close()
    }

    private static func parse(_ json: String) -> KafkaStatistics? {
        Array(json.utf8).withUnsafeBytes { KafkaStatistics(json: $0) }
    }
}
