import Foundation
import Kafka
import Testing

extension BrokerTests {
    @Suite("Pipeline end to end", .timeLimit(.minutes(5)))
    struct EndToEndTests {
        @Test func everySeedIsPublishedEnrichedAndWrittenExactlyOnce() async throws {
            let pipeline = try PipelineHarness()
            let output = try TestEnvironment.temporaryDirectory()
            let lines = try await pipeline.runSeeds(into: output)
            let published = Dictionary(
                uniqueKeysWithValues: lines.map { ($0["title"] as? String ?? "", $0["published_at"] as? String) })
            #expect(published["Bế mạc Hội nghị Ngoại giao lần thứ 28"] == "2019-10-18")
            #expect(
                published[
                    "Hội nghị ngoại giao lần thứ 32: Xây dựng, phát triển nền đối ngoại, ngoại giao Việt Nam toàn diện, hiện đại"
                ]
                    == "2023-12-21T10:06:00+07:00")
            for line in lines {
                let provenance = try #require(line["provenance"] as? [String: Any])
                #expect(provenance["topic"] as? String == pipeline.rawTopic)
            }

            // A second run of the whole pipeline over the same seeds adds nothing to the output.
            let again = try await pipeline.produce([TestEnvironment.seedsDirectory.path])
            #expect(again.status == 0)
            #expect(try await pipeline.enrich().status == 0)
            #expect(try await pipeline.sink(to: output).status == 0)
            #expect(try PipelineHarness.jsonLines(in: output).count == 5)
        }

        @Test func passthroughForwardsEachRawArticleUnparsedInARecordTheSinkWrites() async throws {
            let pipeline = try PipelineHarness()
            #expect(try await pipeline.produce([TestEnvironment.seedsDirectory.path]).status == 0)
            let enriched = try await ExecutableRun.run(
                "news-enricher", pipeline.enricherArguments() + ["--passthrough", "--concurrency", "2"])
            #expect(enriched.status == 0, "enricher: \(enriched.standardError)")
            let output = try TestEnvironment.temporaryDirectory()
            #expect(try await pipeline.sink(to: output).status == 0)

            let lines = try PipelineHarness.jsonLines(in: output)
            #expect(lines.count == 5)
            let seeds = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.seedsDirectory.path)
                .map {
                    try String(contentsOf: TestEnvironment.seedsDirectory.appendingPathComponent($0), encoding: .utf8)
                }
            for line in lines {
                let paragraphs = try #require(line["paragraphs"] as? [String])
                // The text as received, not parsed: no title, no entities, the whole text in one paragraph.
                #expect(paragraphs.count == 1)
                #expect(
                    seeds.contains {
                        $0.precomposedStringWithCanonicalMapping == paragraphs[0].precomposedStringWithCanonicalMapping
                    })
                #expect(line["title"] == nil)
                #expect(line["entities"] == nil)
            }
        }

        /// The README's examples of reading `articles.enriched` with clients that are not ours,
        /// run exactly as written there, on the test's brokers and topic.
        @Test func theReadmeConsumersReadTheEnrichedTopic() async throws {
            let python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
            let pipeline = try PipelineHarness()
            #expect(try await pipeline.produce([TestEnvironment.seedsDirectory.path]).status == 0)
            #expect(try await pipeline.enrich().status == 0)
            var titles: [String: String] = [:]
            for record in try await pipeline.readAll(pipeline.enrichedTopic) {
                let article = try JSONSerialization.jsonObject(with: Data(record.value)) as? [String: Any]
                titles[String(decoding: record.key ?? [], as: UTF8.self)] = article?["title"] as? String
            }
            #expect(Set(titles.values) == SeedTitles.all)

            let section = try Self.readmeSection("## Scaling and consuming downstream")
            let script = try TestEnvironment.temporaryDirectory().appendingPathComponent("read_enriched.py")
            try Data(try Self.codeBlock("python", in: section).utf8).write(to: script)
            let consumed = try await ExecutableRun.run(
                python, [script.path, pipeline.brokers, TestEnvironment.uniqueName("reader"), pipeline.enrichedTopic],
                timeout: .seconds(120))
            #expect(consumed.status == 0, "python: \(consumed.standardError)")
            var printed: [String: String] = [:]
            for line in consumed.standardOutput.split(separator: "\n") {
                let (key, title) = (line.prefix { $0 != " " }, line.drop { $0 != " " }.dropFirst())
                printed[String(key)] = String(title)
            }
            #expect(printed == titles, "\(consumed.standardOutput)")

            let commands = try Self.codeBlock("sh", in: section).split(separator: "\n").map(String.init)
            #expect(commands.count == 2)
            let path = "\(ExecutableRun.buildDirectory.path):\(TestEnvironment.variables["PATH"] ?? "")"
            for command in commands {
                let run: String = command.replacing("localhost:9092", with: pipeline.brokers)
                    .replacing("articles.enriched", with: pipeline.enrichedTopic)
                let result = try await ExecutableRun.run(
                    "/bin/sh", ["-c", run],
                    environment: ["PATH": path],
                    timeout: .seconds(60))
                #expect(result.status == 0, "\(command): \(result.standardError)")
                #expect(
                    Set(result.standardOutput.split(separator: "\n").map(String.init)) == SeedTitles.all,
                    "\(command): \(result.standardOutput)")
            }
        }

        /// The README from `heading` to the next heading of its level.
        static func readmeSection(_ heading: String) throws -> Substring {
            let readme = try String(
                contentsOf: TestEnvironment.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
            let start = try #require(readme.range(of: "\n\(heading)\n"), "no \(heading) in README.md")
            let rest = readme[start.upperBound...]
            return rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        }

        /// The text of the first code block fenced as `language` in `text`.
        static func codeBlock(_ language: String, in text: Substring) throws -> String {
            let start = try #require(text.range(of: "```\(language)\n"), "no \(language) block")
            let end = try #require(text[start.upperBound...].range(of: "\n```\n"))
            return String(text[start.upperBound..<end.lowerBound]) + "\n"
        }

        @Test func unprocessableRecordsGoToDeadLetterTopicAndTheStreamContinues() async throws {
            let pipeline = try PipelineHarness()
            let input = try TestEnvironment.temporaryDirectory()
            let fileManager = FileManager.default
            for seed in ["000_cc4fa1231091c4b6.txt", "003_b5a5b979df70e810.txt"] {
                try fileManager.copyItem(
                    at: TestEnvironment.seedsDirectory.appendingPathComponent(seed),
                    to: input.appendingPathComponent(seed))
            }
            try Data([0x48, 0xE1, 0xBB, 0x99, 0x69, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x0A])
                .write(to: input.appendingPathComponent("a-invalid-utf8.txt"))
            try Data().write(to: input.appendingPathComponent("b-empty.txt"))

            let produced = try await pipeline.produce([input.path])
            #expect(produced.status == 0, "producer: \(produced.standardError)")
            #expect(try await pipeline.enrich().status == 0)

            let enriched = try await pipeline.readAll(pipeline.enrichedTopic)
            #expect(enriched.count == 2)
            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            #expect(deadLetters.count == 2)
            #expect(Set(deadLetters.compactMap { $0.header("error-kind") }) == ["invalid_encoding", "empty_body"])
            for record in deadLetters {
                #expect(record.header("error-message")?.isEmpty == false)
                #expect(record.header("error-stage") == "enrich")
                #expect(record.header("source-topic") == pipeline.rawTopic)
                #expect(record.header("source-offset") != nil)
            }
        }

        @Test func twoEnrichersInOneGroupSplitThePartitionsAndProcessEachArticleOnce() async throws {
            let pipeline = try PipelineHarness()
            let input = try TestEnvironment.temporaryDirectory()
            let seed = try String(
                contentsOf: TestEnvironment.seedsDirectory.appendingPathComponent("003_b5a5b979df70e810.txt"),
                encoding: .utf8)
            let articleCount = 120
            for index in 0..<articleCount {
                try (seed + "\nBài viết số \(index) trong loạt bài kiểm thử.\n")
                    .write(to: input.appendingPathComponent("article-\(index).txt"), atomically: true, encoding: .utf8)
            }

            // Both members join before anything is produced, so the split is visible in the output.
            let enrichers = try (0..<2).map { _ in
                try ExecutableRun(
                    "news-enricher", pipeline.enricherArguments(exitWhenIdle: 10) + ["--log-level", "info"])
            }
            try await EnricherGroup.waitForAssignments(enrichers, topic: pipeline.rawTopic)

            let produced = try await pipeline.produce([input.path])
            #expect(produced.status == 0, "producer: \(produced.standardError)")
            for enricher in enrichers {
                let result = await enricher.wait(timeout: .seconds(90))
                #expect(result.status == 0, "enricher: \(result.standardError)")
            }

            let records = try await pipeline.readAll(pipeline.enrichedTopic)
            let ids = records.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            #expect(ids.count == articleCount)
            #expect(Set(ids).count == articleCount)
            let instances = Set(records.compactMap { $0.header("enricher-instance") })
            #expect(instances.count == 2, "records came from \(instances)")
        }
    }
}
