import Testing
import WorkerRuntime

@testable import Pipeline

@Suite struct InFlightWindowTests {
    @Test func acquiringWaitsForRoomByCountAndByBytes() async throws {
        let window = InFlightWindow(limits: FlowLimits(maximumInFlightRecords: 2, maximumInFlightBytes: 100))
        try await window.acquire(bytes: 10)
        try await window.acquire(bytes: 10)
        let third = Task { try await window.acquire(bytes: 10) }
        try await Task.sleep(for: .milliseconds(50))
        #expect(window.records == 2, "the third record waits: two is the limit")
        window.release(bytes: 10)
        try await third.value
        #expect(window.records == 2)

        window.release(bytes: 10)
        window.release(bytes: 10)
        try await window.acquire(bytes: 90)
        let tooMany = Task { try await window.acquire(bytes: 20) }
        try await Task.sleep(for: .milliseconds(50))
        #expect(window.records == 1, "90 + 20 bytes is over the 100-byte limit")
        window.release(bytes: 90)
        try await tooMany.value
        #expect(window.records == 1)
    }

    @Test func aRecordLargerThanTheWindowGoesAlone() async throws {
        let window = InFlightWindow(limits: FlowLimits(maximumInFlightRecords: 10, maximumInFlightBytes: 100))
        try await window.acquire(bytes: 500)
        #expect(window.records == 1)
    }

    @Test func waitingUntilEmptyEndsOnTheLastReleaseOrTheTimeout() async throws {
        let window = InFlightWindow(limits: FlowLimits(maximumInFlightRecords: 10, maximumInFlightBytes: 100))
        #expect(await window.waitUntilEmpty(timeout: .milliseconds(10)))
        try await window.acquire(bytes: 1)
        #expect(!(await window.waitUntilEmpty(timeout: .milliseconds(50))), "one record is still in flight")
        let waiter = Task { await window.waitUntilEmpty(timeout: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(20))
        window.release(bytes: 1)
        #expect(await waiter.value)
    }

    @Test func cancellingAWaitThrowsAndGivesNoRoom() async throws {
        let window = InFlightWindow(limits: FlowLimits(maximumInFlightRecords: 1, maximumInFlightBytes: 100))
        try await window.acquire(bytes: 1)
        let blocked = Task { try await window.acquire(bytes: 1) }
        try await Task.sleep(for: .milliseconds(20))
        blocked.cancel()
        await #expect(throws: CancellationError.self) { try await blocked.value }
        window.release(bytes: 1)
        #expect(window.records == 0)
    }

    @Test func parallelTransformKeepsTheOrderOfItsInput() async {
        let transform = ParallelTransform<Int, Int>(concurrency: 4) { value in
            // Uneven work, so later elements often finish first.
            var sum = 0
            for step in 0..<((value % 7) * 2_000) { sum &+= step }
            return value * 10 + (sum == -1 ? 1 : 0)
        }
        let input = Array(0..<500)
        #expect(await transform(input) == input.map { $0 * 10 })
        #expect(await transform([]) == [])
    }
}
