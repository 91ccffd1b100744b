import Kafka
import Testing

@testable import Pipeline

@Suite struct OffsetTrackerTests {
    private let p0 = TopicPartition(topic: "raw", partition: 0)
    private let p1 = TopicPartition(topic: "raw", partition: 1)

    @Test func outOfOrderCompletionCommitsOnlyTheDonePrefix() {
        var tracker = OffsetTracker()
        let tickets = (10...14).map { tracker.begin(p0, offset: Int64($0)) }
        #expect(tracker.inFlight == 5)
        #expect(tracker.complete(tickets[2]) == nil, "12 is done but 10 and 11 are not")
        #expect(tracker.complete(tickets[4]) == nil)
        #expect(tracker.complete(tickets[1]) == nil)
        #expect(tracker.complete(tickets[0]) == 13, "10, 11 and 12 are done: commit up to 13")
        #expect(tracker.complete(tickets[3]) == 15, "14 was already done: the prefix runs to its end")
        #expect(tracker.inFlight == 0)
    }

    @Test func partitionsProgressIndependently() {
        var tracker = OffsetTracker()
        let first = tracker.begin(p0, offset: 0)
        let other = tracker.begin(p1, offset: 100)
        #expect(tracker.complete(other) == 101, "p1 does not wait for p0")
        #expect(tracker.inFlight(in: p0) == 1)
        #expect(tracker.complete(first) == 1)
    }

    @Test func aDeadLetterInTheMiddleCountsOnceItIsDone() {
        // The flow completes a dead-lettered record like any other once its dead letter is
        // acknowledged; until then it holds back the records after it.
        var tracker = OffsetTracker()
        let output = tracker.begin(p0, offset: 0)
        let deadLettered = tracker.begin(p0, offset: 1)
        let after = tracker.begin(p0, offset: 2)
        #expect(tracker.complete(output) == 1)
        #expect(tracker.complete(after) == nil, "offset 1 is not done yet: nothing past it is committable")
        #expect(tracker.complete(deadLettered) == 3)
    }

    @Test func gapsInOffsetsDoNotHoldProgressBack() {
        // Transaction markers and compaction leave offsets no record has.
        var tracker = OffsetTracker()
        let a = tracker.begin(p0, offset: 5)
        let b = tracker.begin(p0, offset: 9)
        #expect(tracker.complete(b) == nil)
        #expect(tracker.complete(a) == 10)
    }

    @Test func revocationWithRecordsInFlightIgnoresTheirLaterCompletion() {
        var tracker = OffsetTracker()
        let old = (0..<3).map { tracker.begin(p0, offset: Int64($0)) }
        tracker.revoke([p0])
        #expect(tracker.inFlight == 0)
        // The partition comes back and is read again from the committed offset.
        let again = tracker.begin(p0, offset: 0)
        #expect(tracker.complete(old[0]) == nil, "a completion from before the revocation must not count")
        #expect(tracker.complete(old[1]) == nil)
        #expect(tracker.inFlight == 1)
        #expect(tracker.complete(again) == 1)
    }

    @Test func movingBackWithoutARevocationStartsOver() {
        var tracker = OffsetTracker()
        let stale = tracker.begin(p0, offset: 7)
        let rewound = tracker.begin(p0, offset: 3)
        #expect(tracker.complete(stale) == nil)
        #expect(tracker.complete(rewound) == 4)
    }

    @Test func completingTwiceCountsOnce() {
        var tracker = OffsetTracker()
        let first = tracker.begin(p0, offset: 0)
        let second = tracker.begin(p0, offset: 1)
        #expect(tracker.complete(second) == nil)
        #expect(tracker.complete(second) == nil)
        #expect(tracker.inFlight == 1)
        #expect(tracker.complete(first) == 2)
    }

    @Test func longRunsStayCorrectAcrossCompaction() {
        var tracker = OffsetTracker()
        var pending: [OffsetTracker.Ticket] = []
        var committed: Int64 = 0
        for offset in Int64(0)..<10_000 {
            pending.append(tracker.begin(p0, offset: offset))
            if pending.count == 50 {
                // Complete each window of 50 in reverse: only the last completion moves progress.
                for ticket in pending.reversed() {
                    if let next = tracker.complete(ticket) { committed = next }
                }
                #expect(committed == offset + 1)
                pending.removeAll()
            }
        }
        #expect(tracker.inFlight == 0)
    }
}
