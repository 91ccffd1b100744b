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
        guard case .finish(let events) = state.continueBatch([], polled: .record(record)),
            case .assigned(let assigned) = events.first, events.count == 1
        else {
            Issue.record("expected the assignment alone first")
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

    @Test func aRebalanceEndsABatchAfterTheRecordsFetchedBeforeIt() {
        var state = ConsumerState()
        let earlier = ConsumedRecord(topic: "t", partition: 0, offset: 6, key: nil, value: [1])
        guard case .keep(.record(let kept)) = state.continueBatch([], polled: .record(earlier)) else {
            Issue.record("expected the batch to go on")
            return
        }
        #expect(kept.offset == 6)
        state.partitionsRevoked([p0], incremental: false)
        guard case .finish(let events) = state.continueBatch([.record(earlier)], polled: .record(record)),
            events.count == 1, case .record(let first) = events[0]
        else {
            Issue.record("expected the batch before the revocation")
            return
        }
        #expect(first.offset == 6)
        guard case .deliver(.revoked) = state.beginPoll() else { Issue.record("expected the revocation next"); return }
        guard case .deliver(.record(let after)) = state.beginPoll() else { Issue.record("expected the record"); return }
        #expect(after.offset == 7)
        guard case .finish(let none) = state.continueBatch([], polled: nil), none.isEmpty else {
            Issue.record("nothing polled and nothing queued is an empty batch")
            return
        }
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
