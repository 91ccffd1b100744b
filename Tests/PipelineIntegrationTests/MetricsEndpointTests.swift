import Foundation
import Kafka
import Testing

extension BrokerTests {
    /// Real workers with `--metrics-port`, scraped over HTTP and parsed by prometheus_client.
    @Suite("Metrics endpoints", .timeLimit(.minutes(5)))
    struct MetricsEndpointTests {
        /// The sink reaches the broker through `tansu proxy`: `/readyz` is 503 until it holds
        /// partitions, 200 then, 503 while the proxy is down and 200 once it is back; the
        /// counters match what it wrote and dead-lettered; SIGTERM stops the server too.
        @Test func sinkMetricsCountItsRecordsAndReadinessFollowsAssignmentAndTheBroker() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(40)
            let garbage = (0..<3).map {
                OutgoingMessage(topic: pipeline.enrichedTopic, key: Array("bad-\($0)".utf8), value: Array("{".utf8))
            }
            let published = try await FaultInjection.publish(
                articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) } + garbage,
                brokers: pipeline.brokers)
            #expect(published == 43)
            let proxy = try BrokerProxy(origin: pipeline.brokers)
            try await proxy.start()
            defer { proxy.kill() }
            let port = try LoopbackPort.free()
            let scraper = try Scraper(port: port)
            let output = try TestEnvironment.temporaryDirectory()
            let sink = try ExecutableRun(
                "news-sink",
                ["--brokers", proxy.address]
                    + pipeline.sinkArguments(to: output, exitWhenIdle: nil).drop { $0 != "--group" }
                    + ["--dlq-topic", pipeline.deadLetterTopic, "--metrics-port", "\(port)", "--log-level", "info"]
                    + ["-X", "statistics.interval.ms=500"],
                tiedToParent: true)

            let answers = try await scraper.probeUntil("/readyz", is: 200, within: .seconds(60))
            #expect(answers.first == 503, "ready before holding a partition: \(answers)")
            #expect(try await scraper.status("/healthz") == 200)

            let drained = try await scraper.metricsUntil(within: .seconds(60)) { metrics in
                metrics.value("news_records_out_total", ["topic": pipeline.enrichedTopic]) == 40
                    && metrics.value("news_records_dead_lettered_total", ["topic": pipeline.deadLetterTopic]) == 3
                    && !metrics.samples(named: "news_consumer_lag", ["topic": pipeline.enrichedTopic]).isEmpty
                    && metrics.samples(named: "news_consumer_lag", ["topic": pipeline.enrichedTopic])
                        .allSatisfy { $0.value == 0 }
            }
            #expect(drained.contentType.hasPrefix("text/plain; version=0.0.4"))
            #expect(drained.families["news_records_in"] == "counter")
            #expect(drained.families["news_processing_duration_seconds"] == "histogram")
            #expect(drained.families["news_end_to_end_latency_seconds"] == "histogram")
            #expect(drained.families["news_consumer_lag"] == "gauge")
            #expect(drained.value("news_records_in_total", ["topic": pipeline.enrichedTopic]) == 43)
            #expect(drained.value("news_end_to_end_latency_seconds_count", [:]) == 40)
            #expect((drained.value("news_processing_duration_seconds_count", [:]) ?? 0) >= 43)
            #expect(drained.value("news_broker_reachable", [:]) == 1)
            #expect((drained.value("news_assigned_partitions", [:]) ?? 0) >= 1)
            #expect((drained.value("news_rebalances_total", ["event": "assigned"]) ?? 0) >= 1)
            let buildInfo = drained.samples(named: "news_build_info", ["worker": "news-sink"])
            #expect(buildInfo.count == 1 && buildInfo.first?.value == 1)
            #expect(buildInfo.first?.labels["librdkafka_version"]?.isEmpty == false)
            #expect(drained.samples(named: "news_producer_queue_messages", [:]).isEmpty == false)
            #expect(FaultInjection.lineCount(in: output) == 40)

            await proxy.stop()
            let away = try await scraper.probeUntil("/readyz", is: 503, within: .seconds(30))
            #expect(away.last == 503)
            #expect(try await scraper.status("/healthz") == 200, "alive while the broker is away")
            #expect(try await scraper.metrics().value("news_broker_reachable", [:]) == 0)
            try await proxy.start()
            _ = try await scraper.probeUntil("/readyz", is: 200, within: .seconds(60))

            let stopped = await GracefulShutdownTests.terminate(sink)
            #expect(stopped.status == 0, "\(sink.standardErrorSoFar.suffix(2000))")
            #expect(!LoopbackPort.acceptsConnections(port), "the metrics server stopped with the worker")
            #expect(
                sink.standardErrorSoFar.contains("serving /metrics, /healthz and /readyz on http://127.0.0.1:\(port)"))
        }

        /// A backlog written while the enricher works shows as consumer lag on its input topic,
        /// and the lag comes back to zero once the enricher has caught up and committed.
        @Test func enricherConsumerLagRisesUnderABacklogAndReturnsToZero() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let port = try LoopbackPort.free()
            let scraper = try Scraper(port: port)
            let enricher = try ExecutableRun(
                "news-enricher",
                pipeline.enricherArguments(exitWhenIdle: nil)
                    + ["--metrics-port", "\(port)", "--max-in-flight", "1", "-X", "statistics.interval.ms=250"],
                tiedToParent: true)
            _ = try await scraper.probeUntil("/readyz", is: 200, within: .seconds(60))
            let messages = FaultInjection.rawArticleMessages(FaultInjection.scaled(1500), topic: pipeline.rawTopic)
            func lag(_ metrics: Scrape) -> Double? {
                let samples = metrics.samples(named: "news_consumer_lag", ["topic": pipeline.rawTopic])
                return samples.isEmpty ? nil : samples.reduce(0) { $0 + $1.value }
            }
            // A first record, committed, so that librdkafka knows the group's position (lag is
            // unknown before the first commit).
            _ = try await FaultInjection.publish(Array(messages.prefix(1)), brokers: pipeline.brokers)
            _ = try await scraper.metricsUntil(within: .seconds(60)) { lag($0) == 0 }

            async let backlog = FaultInjection.publish(Array(messages.dropFirst()), brokers: pipeline.brokers)
            var highest = 0.0
            let deadline = ContinuousClock.now + .seconds(120)
            var final: Scrape?
            while ContinuousClock.now < deadline {
                let metrics = try await scraper.metrics()
                highest = max(highest, lag(metrics) ?? 0)
                if metrics.value("news_records_out_total", ["topic": pipeline.enrichedTopic]) == Double(messages.count),
                    lag(metrics) == 0
                {
                    final = metrics
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(try await backlog == messages.count - 1)
            #expect(highest > 0, "the backlog never showed as lag")
            #expect(final != nil, "lag did not return to zero with every record enriched")
            #expect(
                (final?.value("news_records_in_total", ["topic": pipeline.rawTopic]) ?? 0) >= Double(messages.count))
            #expect(final?.value("news_records_in_flight", [:]) == 0)
            print(
                "enricher lag: highest \(Int(highest)) records behind under a backlog of \(messages.count - 1), then 0")
            let stopped = await GracefulShutdownTests.terminate(enricher)
            #expect(stopped.status == 0, "\(enricher.standardErrorSoFar.suffix(2000))")
        }

        /// The producer (watching a directory, so that it keeps running) is ready without any
        /// partition and counts what the broker acknowledged; the exactly-once enricher counts
        /// the outputs and dead letters of the transactions it committed.
        @Test func producerAndExactlyOnceEnricherCountWhatTheBrokerAcknowledged() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let drop = try TestEnvironment.temporaryDirectory()
            let healthFile = try TestEnvironment.temporaryDirectory().appendingPathComponent("producer-health.json")
            let producerPort = try LoopbackPort.free()
            let producerScraper = try Scraper(port: producerPort)
            let producer = try ExecutableRun(
                "news-producer",
                pipeline.connectionArguments + [
                    "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic, "--watch", drop.path,
                    "--settle", "0.3", "--metrics-port", "\(producerPort)", "--health-file", healthFile.path,
                ],
                tiedToParent: true)
            _ = try await producerScraper.probeUntil("/readyz", is: 200, within: .seconds(60))
            let seeds = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.seedsDirectory.path)
                .filter { $0.hasSuffix(".txt") }.sorted().prefix(5)
            for seed in seeds {
                try FileManager.default.copyItem(
                    at: TestEnvironment.seedsDirectory.appendingPathComponent(seed),
                    to: drop.appendingPathComponent(seed))
            }
            // A crawler line that is not JSON cannot become an article: it is dead-lettered.
            try Data("not a crawler record\n".utf8).write(to: drop.appendingPathComponent("bad.jsonl"))
            let produced = try await producerScraper.metricsUntil(within: .seconds(60)) {
                $0.value("news_records_out_total", ["topic": pipeline.rawTopic]) == Double(seeds.count)
                    && $0.value("news_records_dead_lettered_total", ["topic": pipeline.deadLetterTopic]) == 1
            }
            #expect(produced.samples(named: "news_build_info", ["worker": "news-producer"]).count == 1)
            #expect(produced.value("news_records_in_flight", [:]) == 0)
            #expect(await GracefulShutdownTests.terminate(producer).status == 0)
            // The final health file: stopped, and checked no earlier than the stop it reports.
            let health = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: healthFile)) as? [String: Any])
            #expect(health["status"] as? String == "stopped")
            let since = try #require((health["since"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            let checked = try #require((health["checked_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(checked >= since, "\(health)")

            // Not an article: the enricher dead-letters it.
            let garbage = OutgoingMessage(topic: pipeline.rawTopic, key: Array("bad".utf8), value: Array("{".utf8))
            #expect(try await FaultInjection.publish([garbage], brokers: pipeline.brokers) == 1)
            let enricherPort = try LoopbackPort.free()
            let enricherScraper = try Scraper(port: enricherPort)
            let enricher = try ExecutableRun(
                "news-enricher",
                pipeline.enricherArguments(exitWhenIdle: nil) + [
                    "--exactly-once", "--transactional-id", TestEnvironment.uniqueName("metrics"),
                    "--metrics-port", "\(enricherPort)",
                ],
                tiedToParent: true)
            _ = try await enricherScraper.probeUntil("/readyz", is: 200, within: .seconds(60))
            let enriched = try await enricherScraper.metricsUntil(within: .seconds(90)) {
                $0.value("news_records_out_total", ["topic": pipeline.enrichedTopic]) == Double(seeds.count)
                    && $0.value("news_records_dead_lettered_total", ["topic": pipeline.deadLetterTopic]) == 1
            }
            #expect(enriched.value("news_records_in_total", ["topic": pipeline.rawTopic]) == Double(seeds.count + 1))
            #expect(await GracefulShutdownTests.terminate(enricher).status == 0)
        }
    }
}

/// Scrapes a worker's metrics server with prometheus_client (Tests/Fixtures/scrape_metrics.py)
/// and asks its probes with curl: both clients that are not ours.
struct Scraper {
    let port: Int
    let python: String
    let curl: String

    init(port: Int) throws {
        self.port = port
        python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
        curl = try TestEnvironment.program("curl", debianPackage: "curl")
    }

    /// The probe's status code; 0 when nothing answers.
    func status(_ path: String) async throws -> Int {
        let result = try await ExecutableRun.run(
            curl,
            ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", "http://127.0.0.1:\(port)\(path)"],
            timeout: .seconds(10))
        return Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Asks `path` until it answers `expected`; returns every answer given (0s left out).
    func probeUntil(_ path: String, is expected: Int, within limit: Duration) async throws -> [Int] {
        var answers: [Int] = []
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let code = try await status(path)
            if code != 0 { answers.append(code) }
            if code == expected { return answers }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(path) never answered \(expected); answers: \(answers)")
        return answers
    }

    func metrics() async throws -> Scrape {
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/Fixtures/scrape_metrics.py").path
        let result = try await ExecutableRun.run(
            python, [script, "http://127.0.0.1:\(port)/metrics"], timeout: .seconds(20))
        try #require(result.status == 0, "scrape failed: \(result.standardError)")
        return try Scrape(json: Data(result.standardOutput.utf8))
    }

    func metricsUntil(within limit: Duration, _ condition: (Scrape) -> Bool) async throws -> Scrape {
        let deadline = ContinuousClock.now + limit
        var last: Scrape?
        while ContinuousClock.now < deadline {
            let scrape = try await metrics()
            if condition(scrape) { return scrape }
            last = scrape
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("metrics never met the condition; last scrape: \(last?.samples.map(\.description) ?? [])")
        return try #require(last)
    }
}

/// One parsed scrape.
struct Scrape {
    struct Sample: CustomStringConvertible {
        var name: String
        var labels: [String: String]
        var value: Double
        var description: String { "\(name)\(labels) \(value)" }
    }

    var contentType: String
    /// Family name (without `_total` for counters, as prometheus_client names them) to type.
    var families: [String: String]
    var samples: [Sample]

    init(json: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        contentType = object["content_type"] as? String ?? ""
        families = object["families"] as? [String: String] ?? [:]
        samples = (object["samples"] as? [[String: Any]] ?? []).map {
            Sample(
                name: $0["name"] as? String ?? "", labels: $0["labels"] as? [String: String] ?? [:],
                value: ($0["value"] as? NSNumber)?.doubleValue ?? .nan)
        }
    }

    /// Samples named `name` whose labels include `labels`.
    func samples(named name: String, _ labels: [String: String]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The sum of the matching samples; `nil` when there are none.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matching = samples(named: name, labels)
        return matching.isEmpty ? nil : matching.reduce(0) { $0 + $1.value }
    }
}
