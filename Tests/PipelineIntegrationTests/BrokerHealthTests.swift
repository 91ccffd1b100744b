import Foundation
import Testing
import WorkerRuntime

@Suite struct BrokerHealthTests {
    @Test func transitionsAreReportedOnceAndRecoveryCarriesTheOutageLength() {
        let start = Date(timeIntervalSince1970: 1_000)
        var health = BrokerHealth(now: start)
        #expect(health.record(reachable: true, at: start) == .becameReachable(after: nil))
        #expect(health.record(reachable: true, at: start + 3) == nil)
        #expect(health.record(reachable: false, error: "refused", at: start + 6) == .becameUnreachable)
        #expect(health.status == .brokerUnreachable && health.lastError == "refused")
        #expect(health.record(reachable: false, error: "refused", at: start + 9) == nil)
        #expect(health.record(reachable: true, at: start + 26) == .becameReachable(after: 20))
        #expect(health.status == .ok && health.lastError == nil && health.since == start + 26)
    }

    @Test func shutdownBudgetLeavesAThirdAtMostFiveSecondsForClosing() {
        #expect(ShutdownBudget(total: .seconds(30)).close == .seconds(5))
        #expect(ShutdownBudget(total: .seconds(30)).drain == .seconds(25))
        #expect(ShutdownBudget(total: .seconds(6)).close == .seconds(2))
    }
}
