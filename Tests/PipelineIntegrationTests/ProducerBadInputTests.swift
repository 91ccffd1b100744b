import Foundation
import Testing

extension BrokerTests {
    @Suite("Producer on bad input", .timeLimit(.minutes(3)))
    struct ProducerBadInputTests {
        @Test func missingPathIsOneClearLineAndNonZeroExit() async throws {
            let pipeline = try PipelineHarness()
            let result = try await pipeline.produce(["/nonexistent/news-pipeline-input"])
            #expect(result.status != 0)
            #expect(Self.errorLines(result).count == 1)
            #expect(result.standardError.contains("/nonexistent/news-pipeline-input: no such file or directory"))
        }

        @Test func directoryWithoutArticlesIsOneClearLineAndNonZeroExit() async throws {
            let pipeline = try PipelineHarness()
            let directory = try TestEnvironment.temporaryDirectory()
            try Data("not an article".utf8).write(to: directory.appendingPathComponent("notes.md"))
            let result = try await pipeline.produce([directory.path])
            #expect(result.status != 0)
            #expect(Self.errorLines(result).count == 1)
            #expect(result.standardError.contains("no articles found"))
        }

        @Test func goodFilesAreStillPublishedNextToABadPath() async throws {
            let pipeline = try PipelineHarness()
            let seed = TestEnvironment.seedsDirectory.appendingPathComponent("002_080f909c526fe6db.txt").path
            let result = try await pipeline.produce([seed, "/nonexistent/other"])
            #expect(result.status != 0)
            #expect(result.standardOutput.hasPrefix("published 1 of 1 articles"))
            #expect(try await pipeline.readAll(pipeline.rawTopic).count == 1)
        }

        @Test func unreachableBrokerIsOneClearLineAndNonZeroExit() async throws {
            let started = ContinuousClock.now
            let result = try await ExecutableRun.run(
                "news-producer", ["--brokers", "127.0.0.1:1", TestEnvironment.seedsDirectory.path],
                timeout: .seconds(60))
            #expect(result.status != 0 && result.status != -9)
            #expect(ContinuousClock.now - started < .seconds(45))
            #expect(result.standardError.contains("127.0.0.1:1"))
            #expect(result.standardError.contains("unreachable"))
        }

        @Test func missingBrokerSettingNamesTheFlagAndVariable() async throws {
            let result = try await ExecutableRun.run("news-producer", [TestEnvironment.seedsDirectory.path])
            #expect(result.status != 0)
            #expect(result.standardError.contains("--brokers"))
            #expect(result.standardError.contains("KAFKA_BROKERS"))
        }

        private static func errorLines(_ result: ExecutableRun.Result) -> [Substring] {
            result.standardError.split(separator: "\n").filter { $0.contains("error") }
        }
    }
}
