import Testing

@testable import Pipeline

@Suite struct ProducerSummaryTests {
    @Test func aBatchRunWithArticlesUnacknowledgedAtShutdownFails() {
        var summary = ProducerSummary(topic: "articles.raw")
        summary.add(InputPublisher.Outcome(delivered: 10))
        #expect(summary.succeeded)
        summary.add(InputPublisher.Outcome(delivered: 2, abandoned: 3))
        #expect(!summary.succeeded, "3 articles were never acknowledged")
        #expect(summary.line.contains("3 unacknowledged at shutdown"))
    }

    @Test func aWatchingRunLeavesUnacknowledgedFilesToTheNextRun() {
        var summary = ProducerSummary(topic: "articles.raw")
        summary.watching = true
        summary.add(InputPublisher.Outcome(delivered: 5, abandoned: 2))
        #expect(summary.succeeded)
        summary.add(InputPublisher.Outcome(failed: 1))
        #expect(!summary.succeeded)
    }
}
