import Foundation
import Testing

extension BrokerTests {
    @Suite("Broker outage", .timeLimit(.minutes(5)))
    struct BrokerOutageTests {
        /// Scenario 4: the producer (watching), an enricher and the sink reach the broker only
        /// through `tansu proxy`, which is down for 20 s in the middle of the stream. No worker
        /// exits; each logs the outage; once the proxy is back every article arrives, once.
        @Test func twentySecondOutageThroughTheProxyIsSurvivedAndEveryArticleArrives() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let proxy = try BrokerProxy(origin: pipeline.brokers)
            try await proxy.start()
            let drop = try TestEnvironment.temporaryDirectory()
            let output = try TestEnvironment.temporaryDirectory()
            let healthFile = try TestEnvironment.temporaryDirectory().appendingPathComponent("enricher-health.json")
            let producer = try ExecutableRun(
                "news-producer",
                [
                    "--brokers", proxy.address, "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic,
                    "--watch", drop.path, "--settle", "0.5",
                ])
            let enricher = try ExecutableRun(
                "news-enricher",
                ["--brokers", proxy.address]
                    + pipeline.enricherArguments(exitWhenIdle: nil).drop { $0 != "--group" }
                    + ["--log-level", "info", "--health-file", healthFile.path])
            let sink = try ExecutableRun(
                "news-sink",
                ["--brokers", proxy.address]
                    + pipeline.sinkArguments(to: output, exitWhenIdle: nil).drop { $0 != "--group" })
            try await EnricherGroup.waitForAssignments([enricher], topic: pipeline.rawTopic)

            let count = FaultInjection.scaled(300)
            let messages = FaultInjection.rawArticleMessages(count, topic: pipeline.rawTopic)
            let started = ContinuousClock.now
            var outage: (start: Duration, end: Duration) = (.zero, .zero)
            var proxyDownSince: ContinuousClock.Instant?
            var healthDuringOutage: String?
            // Files keep arriving while the broker is unreachable.
            for (index, message) in messages.enumerated() {
                let article =
                    try JSONSerialization.jsonObject(with: Data(try #require(message.value))) as? [String: Any]
                let temporary = drop.appendingPathComponent(".\(index).part")
                try Data(((article?["text"] as? String) ?? "").utf8).write(to: temporary)
                try FileManager.default.moveItem(at: temporary, to: drop.appendingPathComponent("article-\(index).txt"))
                try await Task.sleep(for: .milliseconds(100))
                if index == count / 4 {
                    await proxy.stop()
                    proxyDownSince = .now
                    outage.start = ContinuousClock.now - started
                } else if let since = proxyDownSince, ContinuousClock.now - since >= .seconds(20) {
                    healthDuringOutage = Self.healthStatus(healthFile)
                    for run in [producer, enricher, sink] {
                        #expect(
                            run.child.isRunning,
                            "a worker exited during the outage: \(run.standardErrorSoFar.suffix(1500))")
                    }
                    try await proxy.start()
                    proxyDownSince = nil
                    outage.end = ContinuousClock.now - started
                }
            }
            if proxyDownSince != nil {
                try await Task.sleep(until: proxyDownSince! + .seconds(20))
                try await proxy.start()
                outage.end = ContinuousClock.now - started
            }
            let ids = Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
            let deadline = ContinuousClock.now + .seconds(150)
            while FaultInjection.lineCount(in: output) < count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
            }
            let recovered = ContinuousClock.now - started
            try await Task.sleep(for: .seconds(4))
            let healthAfterRecovery = Self.healthStatus(healthFile)
            var statuses: [Int32] = []
            for run in [producer, enricher, sink] {
                statuses.append(await GracefulShutdownTests.terminate(run).status)
            }
            await proxy.stop()
            #expect(statuses == [0, 0, 0], "no worker crashed or failed to stop")
            for (name, run) in [("producer", producer), ("enricher", enricher), ("sink", sink)] {
                let log = run.standardErrorSoFar
                #expect(log.contains("broker \(proxy.address) unreachable; the worker keeps retrying"), "\(name)")
                #expect(log.contains("broker \(proxy.address) reachable again after"), "\(name)")
            }
            #expect(healthDuringOutage == "broker_unreachable")
            #expect(healthAfterRecovery == "ok")
            let (lines, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty)
            #expect(lines.count == ids.count)
            #expect(Set(lines) == ids)
            print(
                "broker outage: proxy down from \(outage.start) to \(outage.end) of the run; \(count) files dropped; "
                    + "all \(Set(lines).count) articles in the output, once each, \(recovered) after the first file; "
                    + "worker exit statuses after SIGTERM \(statuses); enricher health \(healthDuringOutage ?? "?") "
                    + "during the outage, \(healthAfterRecovery ?? "?") after it")
        }

        private static func healthStatus(_ file: URL) -> String? {
            guard let data = try? Data(contentsOf: file),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["status"] as? String
        }
    }
}
