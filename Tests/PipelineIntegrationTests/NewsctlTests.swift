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
        let python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
        let parsed = try await ExecutableRun.run("newsctl", ["parse"] + Self.seedPaths())
        let records = try TestEnvironment.temporaryDirectory().appendingPathComponent("records.jsonl")
        try Data(parsed.standardOutput.utf8).write(to: records)
        let schema = TestEnvironment.repositoryRoot
            .appendingPathComponent("Sources/ArticleCore/Schemas/enriched-article.schema.json").path
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/Fixtures/validate_schema.py").path
        let validated = try await ExecutableRun.run(
            "/bin/sh", ["-c", "\"$0\" \"$1\" \"$2\" < \"$3\"", python, script, schema, records.path])
        #expect(validated.status == 0, "\(validated.standardOutput)\(validated.standardError)")
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

    @Suite("newsctl run")
    struct NewsctlRunTests {
        @Test(.timeLimit(.minutes(3)))
        func runWritesOneLinePerSeedWithAnEmbeddedBroker() async throws {
            _ = try TestEnvironment.require(TestEnvironment.tansuBinary, "NEWS_TANSU_BIN")
            let output = try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
            let result = try await ExecutableRun.run(
                "newsctl", ["run", "--output", output.path, "--enrichers", "2", TestEnvironment.seedsDirectory.path],
                timeout: .seconds(150))
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("5 articles"))
            let lines = try PipelineHarness.jsonLines(in: output)
            #expect(lines.count == 5)
            #expect(Set(lines.compactMap { $0["title"] as? String }) == SeedTitles.all)
        }
    }
}
