import Foundation
import Testing

extension BrokerTests {
    @Suite("Graceful shutdown", .timeLimit(.minutes(4)))
    struct GracefulShutdownTests {
        private static let bound: Duration = .seconds(15)

        /// Scenario 3, enricher: SIGTERM mid-stream; it exits 0 within --shutdown-timeout and a
        /// restarted enricher finishes the stream with nothing lost.
        @Test func enricherStopsOnSIGTERMWithinTheBoundAndARestartLosesNothing() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let messages = FaultInjection.rawArticleMessages(FaultInjection.scaled(3000), topic: pipeline.rawTopic)
            let ids = Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })

            let arguments =
                pipeline.enricherArguments(exitWhenIdle: nil) + ["--shutdown-timeout", "15", "--log-level", "info"]
            let enricher = try ExecutableRun("news-enricher", arguments)
            try await EnricherGroup.waitForAssignments([enricher], topic: pipeline.rawTopic)
            // Published over about ten seconds, so that the signal lands mid-stream.
            let publishing = Task {
                try await FaultInjection.publish(
                    messages, brokers: pipeline.brokers, batch: 300, pause: .seconds(1))
            }
            try await Task.sleep(for: .seconds(3))
            let (status, took) = await Self.terminate(enricher)
            #expect(status == 0, "\(enricher.standardErrorSoFar.suffix(2000))")
            #expect(took < Self.bound)
            let committed = try await FaultInjection.committedOffsets(
                group: pipeline.enricherGroup, topic: pipeline.rawTopic, brokers: pipeline.brokers
            ).values.reduce(0, +)
            let published = try await publishing.value
            #expect(committed > 0, "the enricher did work before the signal")
            #expect(committed < Int64(published), "the signal must land before the stream ends")

            let restarted = try await ExecutableRun.run(
                "news-enricher", pipeline.enricherArguments(exitWhenIdle: 3), timeout: .seconds(180))
            #expect(restarted.status == 0, "\(restarted.standardError.suffix(2000))")
            let enriched = try await pipeline.readAll(pipeline.enrichedTopic)
            let enrichedIDs = enriched.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            #expect(Set(enrichedIDs) == ids)
            print(
                "graceful shutdown, enricher: SIGTERM mid-stream with \(committed) of \(published) offsets committed, "
                    + "exit status \(status) after \(took) "
                    + "(bound \(Self.bound)); after a restart \(Set(enrichedIDs).count) of \(ids.count) ids enriched, "
                    + "\(enrichedIDs.count - Set(enrichedIDs).count) duplicates")
        }

        /// Scenario 3, sink: SIGTERM mid-stream; it exits 0 within the bound and a restarted
        /// sink completes the output with every id exactly once.
        @Test func sinkStopsOnSIGTERMWithinTheBoundAndARestartLosesNothing() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(FaultInjection.scaled(3000))
            let messages = articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) }
            let output = try TestEnvironment.temporaryDirectory()
            let publishing = Task {
                try await FaultInjection.publish(
                    messages, brokers: pipeline.brokers, batch: 50, pause: .milliseconds(200))
            }
            let sink = try ExecutableRun(
                "news-sink", pipeline.sinkArguments(to: output, exitWhenIdle: nil) + ["--shutdown-timeout", "15"])
            let deadline = ContinuousClock.now + .seconds(60)
            while FaultInjection.lineCount(in: output) < 200, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let (status, took) = await Self.terminate(sink)
            let linesAtStop = FaultInjection.lineCount(in: output)
            #expect(linesAtStop < articles.count, "the signal must land before the last line")
            #expect(status == 0, "\(sink.standardErrorSoFar.suffix(2000))")
            #expect(took < Self.bound)
            _ = try await publishing.value

            let restarted = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output), timeout: .seconds(120))
            #expect(restarted.status == 0, "\(restarted.standardError.suffix(2000))")
            let (lines, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty)
            #expect(lines.count == articles.count)
            #expect(Set(lines) == Set(articles.map(\.id.rawValue)))
            print(
                "graceful shutdown, sink: SIGTERM at \(linesAtStop) of \(articles.count) lines, exit status \(status) "
                    + "after \(took) (bound \(Self.bound)); after a restart \(lines.count) lines, \(Set(lines).count) distinct"
            )
        }

        /// Sends SIGTERM and returns the exit status and how long the exit took.
        static func terminate(_ run: ExecutableRun) async -> (status: Int32, took: Duration) {
            let signalled = ContinuousClock.now
            run.child.send(SIGTERM)
            let status = await run.wait(timeout: .seconds(60)).status
            return (status, ContinuousClock.now - signalled)
        }
    }
}
