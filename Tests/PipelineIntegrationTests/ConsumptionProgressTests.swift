import Kafka
import Testing

@testable import NewsctlKit

struct ConsumptionProgressTests {
    private let first = TopicPartition(topic: "articles.raw", partition: 0)
    private let second = TopicPartition(topic: "articles.raw", partition: 1)

    @Test func completeOnlyWhenEveryPartitionIsCommittedToItsEnd() {
        let offsets: [TopicPartition: KafkaOffsetReader.PartitionOffsets] = [
            first: .init(start: 0, end: 3), second: .init(start: 0, end: 2),
        ]
        let partly = ConsumptionProgress(offsets: offsets, committed: [first: 3, second: 1])
        #expect(partly.remaining == 1)
        #expect(partly.total == 5)
        #expect(!partly.isComplete)
        #expect(ConsumptionProgress(offsets: offsets, committed: [first: 3, second: 2]).isComplete)
    }

    @Test func aPartitionNeverCommittedCountsFromItsStart() {
        let offsets: [TopicPartition: KafkaOffsetReader.PartitionOffsets] = [
            first: .init(start: 4, end: 4), second: .init(start: 2, end: 5),
        ]
        let progress = ConsumptionProgress(offsets: offsets, committed: [:])
        #expect(progress.remaining == 3)
        #expect(!progress.isComplete)
        #expect(ConsumptionProgress(offsets: offsets, committed: [second: 5]).isComplete)
    }
}
