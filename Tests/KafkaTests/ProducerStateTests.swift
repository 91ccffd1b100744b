import Synchronization
import Testing

@testable import Kafka

@Suite struct ProducerStateTests {
    @Test func producerStateGivesDistinctNonZeroIdsAndHandsBackWaitingDeliveriesOnClose() {
        var state = ProducerState()
        let (first, second, third) = (PendingDelivery(), PendingDelivery(), PendingDelivery())
        let firstID = state.register(first)
        let secondID = state.register(second)
        let thirdID = state.register(third)
        #expect(firstID != nil && firstID != 0)
        #expect(Set([firstID, secondID, thirdID]).count == 3)
        #expect(state.inFlight == 3)
        let delivered = state.deliver(id: firstID!)
        let again = state.deliver(id: firstID!)
        #expect(delivered === first)
        #expect(again == nil, "a delivery report is matched once")
        #expect(state.inFlight == 2)

        let closes = (state.beginClose(), state.beginClose())
        #expect(closes == (true, false), "only the first close closes")
        let lateID = state.register(PendingDelivery())
        #expect(lateID == nil, "nothing is enqueued once closing")
        let waiting = state.finishClose()
        #expect(Set(waiting.map(ObjectIdentifier.init)) == Set([second, third].map(ObjectIdentifier.init)))
        #expect(state.inFlight == 0)
    }

    @Test func pendingDeliveryTellsEveryWaiterOnceAndKeepsTheFirstOutcome() async throws {
        let delivery = PendingDelivery()
        #expect(delivery.outcome == nil)
        let calls = CallCounter()
        delivery.whenDelivered { outcome in calls.record(outcome) }
        let waiter = Task { try await delivery.delivered() }
        let report = DeliveryReport(topic: "t", partition: 2, offset: 41)
        delivery.complete(.success(report))
        delivery.complete(.failure(.closed("send")))
        #expect(try await waiter.value.offset == 41)
        #expect(calls.offsets == [41])
        delivery.whenDelivered { outcome in calls.record(outcome) }
        #expect(calls.offsets == [41, 41], "a callback registered after the outcome runs at once")
    }

    @Test func cancellingAWaiterStopsOnlyThatWait() async throws {
        let delivery = PendingDelivery()
        let cancelled = Task { try await delivery.delivered() }
        let patient = Task { try await delivery.delivered() }
        cancelled.cancel()
        await #expect(throws: KafkaError.self) { try await cancelled.value }
        delivery.complete(.success(DeliveryReport(topic: "t", partition: 0, offset: 7)))
        #expect(try await patient.value.offset == 7)
    }
}

private final class CallCounter: Sendable {
    private let calls = Mutex<[Int64]>([])
    func record(_ outcome: PendingDelivery.Outcome) {
        calls.withLock { $0.append((try? outcome.get().offset) ?? -1) }
    }
    var offsets: [Int64] { calls.withLock { $0 } }
}
