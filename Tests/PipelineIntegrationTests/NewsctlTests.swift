import Foundation
import Testing

@Suite("newsctl")
struct NewsctlTests {
    @Test func parsePrintsOneEnrichedLinePerSeedWithoutKafka() async throws {
        let result = try await ExecutableRun.run("newsctl", ["parse"] + Self.seedPaths())
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 5)
        let titles = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["title"] as? String)
        }
        #expect(Set(titles) == SeedTitles.all)
    }

    @Test(.enabled(if: TestEnvironment.python != nil || TestEnvironment.isCI))
    func parseOutputMatchesThePublishedEnrichedSchema() async throws {
        let parsed = try await ExecutableRun.run("newsctl", ["parse"] + Self.seedPaths())
        #expect(parsed.status == 0, "\(parsed.standardError)")
        try await SchemaValidation.expectValid(
            parsed.standardOutput.split(separator: "\n").map(String.init), against: "enriched-article.schema.json")
    }

    /// An archive is passed as a directory: its files are found at any depth, in path order as
    /// the producer publishes them; other files are noted and left.
    @Test func parseTakesADirectoryAsTheFilesInsideIt() async throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let nested = directory.appendingPathComponent("2023/09")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        for path in try Self.seedPaths() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            try FileManager.default.copyItem(atPath: path, toPath: nested.appendingPathComponent(name).path)
        }
        try Data("not an article".utf8).write(to: nested.appendingPathComponent("notes.md"))
        let fromDirectory = try await ExecutableRun.run("newsctl", ["parse", directory.path])
        let fromFiles = try await ExecutableRun.run("newsctl", ["parse"] + Self.seedPaths())
        #expect(fromDirectory.status == 0, "\(fromDirectory.standardError)")
        let titles = { (run: ExecutableRun.Result) in
            try run.standardOutput.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["title"] as? String
            }
        }
        #expect(try titles(fromDirectory) == titles(fromFiles))
        #expect(fromDirectory.standardError.contains("skipped \(nested.path)/notes.md"), "\(fromDirectory.standardError)")
    }

    @Test func parseReportsAMissingPathBesideTheRecordsOfTheOthers() async throws {
        let missing = TestEnvironment.seedsDirectory.appendingPathComponent("no-such-article.txt").path
        let result = try await ExecutableRun.run("newsctl", ["parse", missing] + Self.seedPaths())
        #expect(result.status != 0)
        #expect(result.standardOutput.split(separator: "\n").count == 5)
        #expect(result.standardError == "newsctl parse: \(missing): no such file or directory\n")
    }

    @Test func parseFailsWhenNoPathIsAnArticle() async throws {
        let notes = try TestEnvironment.temporaryDirectory().appendingPathComponent("notes.md")
        try Data("not an article".utf8).write(to: notes)
        let result = try await ExecutableRun.run("newsctl", ["parse", notes.path])
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no article files among the paths given"), "\(result.standardError)")
    }

    @Test func parseReportsAnEmptyFileAndExitsNonZero() async throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try await ExecutableRun.run("newsctl", ["parse", empty.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("empty_body"))
    }

    static func seedPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.seedsDirectory.path)
            .sorted().map { TestEnvironment.seedsDirectory.appendingPathComponent($0).path }
    }
}

extension BrokerTests {
    @Suite("newsctl topics")
    struct NewsctlTopicsTests {
        @Test func createMakesTheDataTopicsWithTheRequestedPartitions() async throws {
            let brokers = try TestEnvironment.requireBrokers()
            let result = try await ExecutableRun.run(
                "newsctl", ["topics", "--create", "--partitions", "9", "--brokers", brokers], timeout: .seconds(60))
            #expect(result.status == 0, "\(result.standardError)")
            let listed = Set(result.standardOutput.split(separator: "\n").map(String.init))
            #expect(listed.contains("articles.raw\t9 partitions"), "\(result.standardOutput)")
            #expect(listed.contains("articles.enriched\t9 partitions"), "\(result.standardOutput)")
            #expect(listed.contains("articles.dlq\t1 partitions"), "\(result.standardOutput)")
        }

        @Test func partitionsWithoutCreateIsRefused() async throws {
            let result = try await ExecutableRun.run(
                "newsctl", ["topics", "--partitions", "9", "--brokers", "127.0.0.1:9"], timeout: .seconds(30))
            #expect(result.status != 0)
            #expect(result.standardError.contains("--partitions only applies with --create"))
        }
    }

    @Suite("newsctl run", .timeLimit(.minutes(3)))
    struct NewsctlRunTests {
        @Test func runWritesOneLinePerSeedWithAnEmbeddedBroker() async throws {
            let output = try outputDirectory()
            let result = try await ExecutableRun.run(
                "newsctl", ["run", "--output", output.path, "--enrichers", "2", TestEnvironment.seedsDirectory.path],
                environment: try brokerEnvironment(), timeout: .seconds(150))
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("5 articles"), "\(result.standardOutput)")
            #expect(result.standardOutput.contains("; 0 dead-lettered"), "\(result.standardOutput)")
            let lines = try PipelineHarness.jsonLines(in: output)
            #expect(lines.count == 5)
            #expect(Set(lines.compactMap { $0["title"] as? String }) == SeedTitles.all)
        }

        @Test func runPassesItsLogFormatToEveryWorker() async throws {
            let output = try outputDirectory()
            let result = try await ExecutableRun.run(
                "newsctl",
                [
                    "run", "--output", output.path, "--log-format", "json", "--worker-log-level", "info",
                    TestEnvironment.seedsDirectory.path,
                ],
                environment: try brokerEnvironment(), timeout: .seconds(150))
            #expect(result.status == 0, "\(result.standardError)")
            var workers: Set<String> = []
            for line in result.standardError.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                workers.formUnion([object?["worker"] as? String].compactMap { $0 })
            }
            #expect(workers.isSuperset(of: ["news-producer", "news-enricher", "news-sink"]), "\(result.standardError)")
        }

        /// The second run's embedded broker starts empty, so the first run's checkpoints name
        /// offsets it never had: resuming from them would skip or wait for records.
        @Test func aSecondRunIntoTheSameDirectoryWritesItsOwnArticles() async throws {
            let output = try outputDirectory()
            let seeds = try NewsctlTests.seedPaths()
            for paths in [Array(seeds.prefix(2)), seeds] {
                let result = try await ExecutableRun.run(
                    "newsctl", ["run", "--output", output.path] + paths, environment: try brokerEnvironment(),
                    timeout: .seconds(150))
                #expect(result.status == 0, "\(result.standardError)")
                #expect(try PipelineHarness.jsonLines(in: output).count == paths.count)
            }
            let titles = try PipelineHarness.jsonLines(in: output).compactMap { $0["title"] as? String }
            #expect(Set(titles) == SeedTitles.all)
        }

        /// Watches newsctl's children while it runs: streaming means the sink and the enrichers
        /// are up while the producer still runs, not started after it.
        @Test func everyStageRunsWhileTheProducerPublishes() async throws {
            let output = try outputDirectory()
            let run = try ExecutableRun(
                "newsctl", ["run", "--output", output.path, "--enrichers", "2", TestEnvironment.seedsDirectory.path],
                environment: try brokerEnvironment())
            var sawEveryStageAtOnce = false
            var sawProducer = false
            while run.child.isRunning && !sawEveryStageAtOnce {
                let children = ProcessTable.liveChildren(of: run.child.pid).map(\.commandLine)
                let producer = children.contains { $0.contains("news-producer") }
                sawProducer = sawProducer || producer
                sawEveryStageAtOnce =
                    producer && children.contains { $0.contains("news-sink") }
                    && children.filter { $0.contains("news-enricher") }.count == 2
                try await Task.sleep(for: .milliseconds(10))
            }
            let result = await run.wait(timeout: .seconds(150))
            #expect(sawProducer, "the producer was never seen running")
            #expect(sawEveryStageAtOnce, "the sink and both enrichers never ran while the producer did")
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try PipelineHarness.jsonLines(in: output).count == 5)
        }

        /// Ctrl-C reaches the whole foreground process group; SIGTERM comes from a supervisor.
        @Test(arguments: [(SIGINT, true), (SIGTERM, false)])
        func aStopSignalEndsTheRunAndLeavesNoChildBehind(signal: Int32, toProcessGroup: Bool) async throws {
            let output = try outputDirectory()
            let run = try ExecutableRun(
                "newsctl", ["run", "--output", output.path, TestEnvironment.seedsDirectory.path],
                environment: try brokerEnvironment(), tiedToParent: true)
            let children = try await waitForBrokerAndConsumers(of: run)
            kill(toProcessGroup ? -run.child.pid : run.child.pid, signal)
            let result = await run.wait(timeout: .seconds(60))
            #expect(result.status == 128 + signal, "\(result.standardError)")
            #expect(result.standardError.contains("stopped by"), "\(result.standardError)")
            for child in children {
                #expect(!ProcessTable.isAlive(child.pid), "left running: \(child.commandLine)")
            }
            let inGroup = ProcessTable.entries().filter { $0.processGroup == run.child.pid && $0.state != "Z" }
            #expect(inGroup.isEmpty, "left in newsctl's process group: \(inGroup.map(\.commandLine))")
            #expect(leftRunning(writingTo: output).isEmpty)
        }

        @Test func killingNewsctlLeavesNoBrokerOrWorkerRunning() async throws {
            let output = try outputDirectory()
            let run = try ExecutableRun(
                "newsctl", ["run", "--output", output.path, TestEnvironment.seedsDirectory.path],
                environment: try brokerEnvironment())
            let children = try await waitForBrokerAndConsumers(of: run)
            kill(run.child.pid, SIGKILL)
            _ = await run.wait(timeout: .seconds(10))
            let deadline = ContinuousClock.now + .seconds(5)
            var alive = children
            while !alive.isEmpty && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                alive = alive.filter { ProcessTable.isAlive($0.pid) }
            }
            #expect(alive.isEmpty, "still running 5 s after newsctl was killed: \(alive.map(\.commandLine))")
            #expect(leftRunning(writingTo: output).isEmpty)
        }

        @Test func everyWorkerReadsThePropertiesFileAndNoLogShowsItsSecret() async throws {
            let output = try outputDirectory()
            let secret = "hunter2-\(UUID().uuidString)"
            let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("client.properties")
            try Data("# PLAINTEXT ignores it\nsasl.password=\(secret)\n".utf8).write(to: file)
            let result = try await ExecutableRun.run(
                "newsctl",
                [
                    "run", "--output", output.path, "--enrichers", "1", "-F", file.path, "--worker-log-level", "debug",
                    TestEnvironment.seedsDirectory.path,
                ],
                environment: try brokerEnvironment(), timeout: .seconds(150))
            #expect(result.status == 0, "\(result.standardError.suffix(3000))")
            #expect(try PipelineHarness.jsonLines(in: output).count == 5)
            #expect(!result.standardError.contains(secret) && !result.standardOutput.contains(secret))
            // Each long-running worker logged its configuration at debug level: with the file's
            // property, masked.
            let masked = result.standardError.components(separatedBy: "sasl.password=[redacted]").count - 1
            #expect(masked >= 2, "at least two of the three workers logged the file's property")
        }

        private func outputDirectory() throws -> URL {
            try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
        }

        private func brokerEnvironment() throws -> [String: String] {
            ["NEWS_TANSU_BIN": try TestEnvironment.require(TestEnvironment.tansuBinary, "NEWS_TANSU_BIN")]
        }

        /// Waits until newsctl runs the broker, the sink and both enrichers, and returns its children.
        private func waitForBrokerAndConsumers(of run: ExecutableRun) async throws -> [ProcessTable.Entry] {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let children = ProcessTable.liveChildren(of: run.child.pid)
                let commandLines = children.map(\.commandLine)
                if commandLines.contains(where: { $0.contains("tansu") && $0.contains(" broker ") })
                    && commandLines.contains(where: { $0.contains("news-sink") })
                    && commandLines.filter({ $0.contains("news-enricher") }).count == 2
                {
                    return children
                }
                try #require(run.child.isRunning, "newsctl exited early: \(run.standardErrorSoFar)")
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("newsctl did not start the broker, the sink and two enrichers within 60 s")
            return []
        }

        /// Processes still running whose command line names `output`: the sink of that run.
        private func leftRunning(writingTo output: URL) -> [String] {
            ProcessTable.entries().filter { $0.state != "Z" && $0.commandLine.contains(output.path) }
                .map(\.commandLine)
        }
    }
}

@Suite("newsctl run, before any broker")
struct NewsctlRunInputTests {
    @Test func aMissingPropertiesFileFailsAtOnceWithoutStartingABroker() async throws {
        let output = try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
        let result = try await ExecutableRun.run(
            "newsctl",
            [
                "run", "--output", output.path, "-F", "/nonexistent/client.properties",
                TestEnvironment.seedsDirectory.path,
            ],
            environment: TestEnvironment.tansuBinary.map { ["NEWS_TANSU_BIN": $0] } ?? [:], timeout: .seconds(60))
        #expect(result.status != 0)
        #expect(result.standardError.contains("-F /nonexistent/client.properties: no such properties file"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "a broker or worker started")
    }

    @Test func aMissingPathFailsAtOnceWithoutStartingABroker() async throws {
        let output = try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
        let missing = TestEnvironment.seedsDirectory.appendingPathComponent("no-such-article.txt").path
        // "At once" is shown by what did not happen, not by a clock on a busy machine: the
        // output directory, where the broker's log would go, was never created.
        let result = try await ExecutableRun.run(
            "newsctl", ["run", "--output", output.path, TestEnvironment.seedsDirectory.path, missing],
            environment: TestEnvironment.tansuBinary.map { ["NEWS_TANSU_BIN": $0] } ?? [:], timeout: .seconds(60))
        #expect(result.status != 0)
        let errorLines = result.standardError.split(separator: "\n")
        #expect(errorLines == ["newsctl run: \(missing): no such file or directory"], "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "a broker or worker started")
    }
}
