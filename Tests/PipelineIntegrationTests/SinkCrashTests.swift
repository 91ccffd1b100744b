import Foundation
import Testing

extension BrokerTests {
    @Suite("Sink crashes", .timeLimit(.minutes(5)))
    struct SinkCrashTests {
        /// Scenario 2: kill -9 the sink at random moments, five times, while records arrive;
        /// the output is valid JSON Lines with every id exactly once, re-published ids included.
        @Test func sinkKilledFiveTimesMidStreamWritesEveryIDExactlyOnce() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(FaultInjection.scaled(3000))
            // Every tenth article is published a second time, later in the stream.
            let messages = (articles + articles.enumerated().filter { $0.offset % 10 == 0 }.map(\.element))
                .map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) }
            let output = try TestEnvironment.temporaryDirectory()
            let started = ContinuousClock.now

            // One sixth of the stream per sink run, the last after the fifth kill, so that every
            // kill lands before the last line however long a restart takes (each waits out the
            // killed member's 6 s session before the group hands its partitions back; five
            // restarts outlasted one paced stream on a loaded machine). A run's first batch
            // shows that the restarted sink writes; the rest follows over about 10 s, and the
            // kill comes within its first 2 s, with records still arriving.
            let batch = 25
            let pause = Duration.milliseconds(60_000 * batch / messages.count)
            let sixths = (0..<6).map { Array(messages[$0 * messages.count / 6..<($0 + 1) * messages.count / 6]) }
            var published = 0
            var publishing: [Task<Int, any Error>] = []
            var killedAt: [Int] = []
            for sixth in sixths.dropLast() {
                let sink = try ExecutableRun("news-sink", pipeline.sinkArguments(to: output, exitWhenIdle: nil))
                let before = FaultInjection.lineCount(in: output)
                published += try await FaultInjection.publish(Array(sixth.prefix(batch)), brokers: pipeline.brokers)
                let deadline = ContinuousClock.now + .seconds(30)
                while FaultInjection.lineCount(in: output) <= before, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                if FaultInjection.lineCount(in: output) <= before {
                    Issue.record("the restarted sink wrote nothing within 30 s; it was killed idle")
                }
                publishing.append(Task { [brokers = pipeline.brokers] in
                    try await FaultInjection.publish(Array(sixth.dropFirst(batch)), brokers: brokers, batch: batch, pause: pause)
                })
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...2000)))
                sink.child.send(SIGKILL)
                let status = await sink.wait(timeout: .seconds(10)).status
                #expect(status == -9, "the sink must die by SIGKILL, not exit by itself")
                killedAt.append(FaultInjection.lineCount(in: output))
            }
            published += try await FaultInjection.publish(sixths[5], brokers: pipeline.brokers, batch: batch)
            for run in publishing { published += try await run.value }
            let killsMidStream = killedAt.filter { $0 < articles.count }.count
            #expect(killsMidStream == 5, "every kill must land before the last line: \(killedAt)")
            let final = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output, exitWhenIdle: 3), timeout: .seconds(120))
            #expect(final.status == 0, "\(final.standardError)")

            let (ids, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty, "invalid lines: \(invalid.prefix(3))")
            #expect(ids.count == articles.count)
            #expect(Set(ids) == Set(articles.map(\.id.rawValue)))
            print(
                "sink crash scenario: \(published) records published (\(articles.count) distinct ids, "
                    + "\(published - articles.count) re-published), sink killed with -9 at \(killedAt) lines (\(killsMidStream) of 5 before the last line), "
                    + "final output \(ids.count) lines, \(Set(ids).count) distinct, \(invalid.count) invalid, "
                    + "in \(ContinuousClock.now - started)")
        }
    }
}
