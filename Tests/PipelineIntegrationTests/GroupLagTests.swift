import Kafka
import NewsctlKit
import Testing

@Suite("Group lag, without a broker")
struct GroupLagTests {
    let topic = "articles.raw"

    private func partition(_ number: Int32) -> TopicPartition {
        TopicPartition(topic: topic, partition: number)
    }

    @Test func lagCountsFromTheCommittedOffsetOrFromTheStartWhenNoneOrWhenItWasDeleted() {
        let lag = GroupLag(
            group: "g", topic: topic,
            offsets: [
                partition(0): .init(start: 0, end: 10),
                partition(1): .init(start: 5, end: 8),
                partition(2): .init(start: 20, end: 30),
                TopicPartition(topic: "other", partition: 0): .init(start: 0, end: 99),
            ],
            committed: [partition(0): 7, partition(2): 12])
        #expect(
            lag.partitions == [
                .init(partition: 0, committed: 7, end: 10, lag: 3),
                .init(partition: 1, committed: nil, end: 8, lag: 3),
                // Offsets 12..<20 are gone (retention): a consumer resumes at 20.
                .init(partition: 2, committed: 12, end: 30, lag: 10),
            ])
        #expect(lag.totalLag == 16)
    }

    @Test func tableColumnsLineUpAndEachGroupEndsWithItsTotal() {
        let lags = [
            GroupLag(
                group: "news-enricher", topic: topic, offsets: [partition(0): .init(start: 0, end: 1234)],
                committed: [partition(0): 1200]),
            GroupLag(
                group: "s", topic: "articles.enriched",
                offsets: [TopicPartition(topic: "articles.enriched", partition: 0): .init(start: 0, end: 3)],
                committed: [:]),
        ]
        #expect(
            LagTable.lines(for: lags) == [
                "GROUP          TOPIC              PARTITION  COMMITTED  END   LAG",
                "news-enricher  articles.raw       0          1200       1234  34",
                "news-enricher  articles.raw       total                       34",
                "s              articles.enriched  0          -          3     3",
                "s              articles.enriched  total                       3",
            ])
    }

    @Test func aGroupDescriptionListsEachMembersPartitionsOrSaysWhyThereIsNone() {
        let lag = GroupLag(
            group: "g", topic: topic, offsets: [partition(0): .init(start: 0, end: 2)], committed: [partition(0): 2])
        let member = ConsumerGroupDescription.Member(
            memberID: "m-1", clientID: "news-enricher", host: "/10.0.0.7",
            assignment: [partition(0), partition(2), TopicPartition(topic: "articles.dlq", partition: 0)])
        let described = GroupDescriptionText.lines(
            group: "g", description: .success(.init(group: "g", state: "Stable", members: [member])), lags: [lag])
        #expect(
            Array(described.prefix(2)) == [
                "group g: state Stable, 1 member",
                "member news-enricher m-1 host /10.0.0.7: articles.dlq [0]; articles.raw [0,2]",
            ])
        #expect(Array(described.dropFirst(2)) == LagTable.lines(for: [lag]))

        let refused = GroupDescriptionText.lines(
            group: "g", description: .failure(KafkaError(kind: .librdkafka, message: "not supported")), lags: [])
        #expect(
            refused == [
                "group g: state and members unknown, the broker did not describe it: not supported",
                "no committed offsets",
            ])
    }
}
