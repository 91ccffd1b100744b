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

            // Spread over about 60 s: each restart waits out the killed member's 6 s session
            // before the group hands its partitions back, and all five kills must land mid-stream.
            let batch = 25
            let pause = Duration.milliseconds(60_000 * batch / messages.count)
            let publishing = Task {
                try await FaultInjection.publish(messages, brokers: pipeline.brokers, batch: batch, pause: pause)
            }
            var killedAt: [Int] = []
            for _ in 0..<5 {
                let sink = try ExecutableRun("news-sink", pipeline.sinkArguments(to: output, exitWhenIdle: nil))
                let before = FaultInjection.lineCount(in: output)
                let deadline = ContinuousClock.now + .seconds(30)
                while FaultInjection.lineCount(in: output) <= before, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                if FaultInjection.lineCount(in: output) <= before {
                    Issue.record("the restarted sink wrote nothing within 30 s; it was killed idle")
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...700)))
                sink.child.send(SIGKILL)
                let status = await sink.wait(timeout: .seconds(10)).status
                #expect(status == -9, "the sink must die by SIGKILL, not exit by itself")
                killedAt.append(FaultInjection.lineCount(in: output))
            }
            let killsMidStream = killedAt.filter { $0 < articles.count }.count
            let published = try await publishing.value
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
