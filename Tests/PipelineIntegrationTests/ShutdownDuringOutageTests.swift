import Foundation
import Kafka
import Testing

extension BrokerTests {
    /// SIGTERM while the broker is unreachable and records are in flight: every worker, in
    /// every mode, exits cleanly within `--shutdown-timeout` (plus a margin for the process to
    /// exit), never with a crash or ServiceLifecycle's "Cancellation took longer than allowed".
    @Suite("SIGTERM during a broker outage", .timeLimit(.minutes(8)))
    struct ShutdownDuringOutageTests {
        enum Worker: String, CaseIterable, CustomTestStringConvertible {
            case enricherAtLeastOnce = "enricher, at least once"
            case enricherExactlyOnce = "enricher, exactly once"
            case sink
            case producerWatching = "producer, watching"
            case producerBatch = "producer, batch"

            var testDescription: String { rawValue }
        }

        private static let shutdownTimeout = 6
        /// Time for the process to exit once its budget is spent, on a loaded 2-core machine.
        private static let exitMargin: Duration = .seconds(3)

        @Test(arguments: Worker.allCases)
        func workerStopsWithinItsBudgetWhileTheBrokerIsUnreachable(_ worker: Worker) async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let proxy = try BrokerProxy(origin: pipeline.brokers)
            try await proxy.start()
            let common = [
                "--brokers", proxy.address, "--shutdown-timeout", "\(Self.shutdownTimeout)", "--log-level", "info",
            ]
            let drop = try TestEnvironment.temporaryDirectory()
            var feeding: Task<Int, any Error>?

            let run: ExecutableRun
            switch worker {
            case .enricherAtLeastOnce, .enricherExactlyOnce:
                feeding = Self.feed(FaultInjection.rawArticleMessages(4000, topic: pipeline.rawTopic), pipeline)
                let transactional =
                    worker == .enricherExactlyOnce
                    ? ["--exactly-once", "--transactional-id", "\(pipeline.enricherGroup)-outage"] : []
                run = try ExecutableRun(
                    "news-enricher",
                    common + pipeline.enricherArguments(exitWhenIdle: nil).drop { $0 != "--group" } + transactional)
                try await EnricherGroup.waitForAssignments([run], topic: pipeline.rawTopic)
            case .sink:
                let articles = try FaultInjection.enrichedArticles(4000)
                feeding = Self.feed(
                    articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) }, pipeline)
                let output = try TestEnvironment.temporaryDirectory()
                run = try ExecutableRun(
                    "news-sink", common + pipeline.sinkArguments(to: output, exitWhenIdle: nil).drop { $0 != "--group" }
                )
                try await EnricherGroup.waitForAssignments([run], topic: pipeline.enrichedTopic)
            case .producerWatching:
                run = try ExecutableRun(
                    "news-producer",
                    common + [
                        "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic, "--watch", drop.path,
                        "--settle", "0.2",
                    ])
                try await Self.dropArticles(0..<200, into: drop)
            case .producerBatch:
                try await Self.dropArticles(0..<6000, into: drop)
                run = try ExecutableRun(
                    "news-producer",
                    common + ["--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic, drop.path])
            }
            if worker == .producerBatch {
                // It publishes thousands a second: the outage must start as soon as it has read
                // its inputs, for records to be in flight.
                let reading = try await run.waitForLog("inputs to publish", within: .seconds(30))
                #expect(reading, "the producer never listed its inputs: \(run.standardErrorSoFar.suffix(1500))")
            } else {
                try await Task.sleep(for: .seconds(1))
            }
            await proxy.stop()
            if worker == .producerWatching {
                // Files that arrive during the outage are read and sent, and wait in flight.
                try await Self.dropArticles(200..<400, into: drop)
            }
            // The fault must have landed: the worker itself says it cannot reach the broker.
            let outageSeen = try await run.waitForLog("unreachable", within: .seconds(30))
            #expect(
                outageSeen, "\(worker): the worker never noticed the outage: \(run.standardErrorSoFar.suffix(1500))")
            #expect(run.child.isRunning, "\(worker) exited by itself during the outage")

            let signalled = ContinuousClock.now
            run.child.send(SIGTERM)
            let result = await run.wait(timeout: .seconds(60))
            let took = ContinuousClock.now - signalled
            feeding?.cancel()
            _ = try? await feeding?.value

            let bound = Duration.seconds(Self.shutdownTimeout) + Self.exitMargin
            // A batch producer stopped early exits 1, as documented: not everything was published.
            let expectedStatus: Int32 = worker == .producerBatch ? 1 : 0
            #expect(result.status == expectedStatus, "\(worker): \(result.standardError.suffix(2500))")
            #expect(took < bound, "\(worker) took \(took) to stop, over \(bound)")
            #expect(!result.standardError.contains("Cancellation took longer"))
            #expect(!result.standardError.contains("Fatal error"))
            #expect(!result.standardError.contains("shutdown took longer than --shutdown-timeout"))
            let abandoned = result.standardError.split(separator: "\n").filter {
                $0.contains("abandon") || $0.contains("unacknowledged") || $0.contains("leaving it behind")
            }
            print(
                "SIGTERM during an outage, \(worker): exit \(result.status) after \(took) "
                    + "(budget \(Self.shutdownTimeout) s); \(abandoned.map { String($0.suffix(160)) })")
        }

        /// Publishes `messages` straight to the broker, bypassing the proxy, a batch every 100 ms,
        /// so that the worker is always in the middle of a stream.
        private static func feed(_ messages: [OutgoingMessage], _ pipeline: PipelineHarness)
            -> Task<Int, any Error>
        {
            Task {
                try await FaultInjection.publish(
                    messages, brokers: pipeline.brokers, batch: 100, pause: .milliseconds(100))
            }
        }

        private static func dropArticles(_ indices: Range<Int>, into directory: URL) async throws {
            for index in indices {
                let text =
                    "Bài kiểm thử số \(index)\n\nHà Nội, ngày 21/12/2023. Nội dung của bài số \(index) về kinh tế."
                let temporary = directory.appendingPathComponent(".\(index).part")
                try Data(text.utf8).write(to: temporary)
                try FileManager.default.moveItem(at: temporary, to: directory.appendingPathComponent("a-\(index).txt"))
            }
        }
    }
}
