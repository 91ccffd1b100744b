import Testing

@testable import Kafka

@Suite struct ConsumerStateTests {
    private let p0 = TopicPartition(topic: "t", partition: 0)
    private let p1 = TopicPartition(topic: "t", partition: 1)
    private let record = ConsumedRecord(topic: "t", partition: 0, offset: 7, key: nil, value: [1])

    @Test func rebalanceEventsQueuedDuringPollComeBeforeThePolledRecord() {
        var state = ConsumerState()
        guard case .poll = state.beginPoll() else { Issue.record("expected to poll"); return }
        state.partitionsAssigned([p0, p1], incremental: false)
        guard case .assigned(let assigned)? = state.finishPoll(polled: .record(record)) else {
            Issue.record("expected the assignment first")
            return
        }
        #expect(assigned == [p0, p1])
        guard case .deliver(.record(let delivered)) = state.beginPoll() else {
            Issue.record("expected the record from the queue")
            return
        }
        #expect(delivered.offset == 7)
        guard case .poll = state.beginPoll() else { Issue.record("expected to poll again"); return }
    }

    @Test func eagerRebalanceReplacesAndIncrementalAdjustsTheAssignment() {
        var state = ConsumerState()
        state.partitionsAssigned([p1, p0], incremental: false)
        #expect(state.assignment == [p0, p1])
        state.partitionsRevoked([p0], incremental: true)
        #expect(state.assignment == [p1])
        state.partitionsAssigned([p0], incremental: true)
        #expect(state.assignment == [p0, p1])
        state.partitionsRevoked([p0], incremental: false)
        #expect(state.assignment.isEmpty)
    }

    @Test func closingFailsPollsAndOnlyTheFirstCloseProceeds() {
        var state = ConsumerState()
        let firstClose = state.beginClose()
        let secondClose = state.beginClose()
        #expect(firstClose)
        #expect(!secondClose)
        guard case .failClosed = state.beginPoll() else { Issue.record("expected closed"); return }
        state.finishClose()
        #expect(!state.isOpen)
    }
}
