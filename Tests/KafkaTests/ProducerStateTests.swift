import Testing

@testable import Kafka

@Suite struct ProducerStateTests {
    @Test func producerStateGivesDistinctNonZeroIdsAndFailsSendsAfterClose() {
        var state = ProducerState()
        guard case .enqueue(let first) = state.beginSend(), case .enqueue(let second) = state.beginSend() else {
            Issue.record("expected ids")
            return
        }
        #expect(first != 0)
        #expect(first != second)
        let unregistered = state.deliver(id: first)
        #expect(unregistered == nil)
        let closing = state.beginClose()
        #expect(closing)
        guard case .failClosed = state.beginSend() else { Issue.record("expected closed"); return }
        let waiting = state.finishClose()
        #expect(waiting.isEmpty)
    }
}
