import ArticleCore
import Foundation
import Kafka
import Testing

@testable import Pipeline

@Suite("Schemas: the published lists")
struct DeadLetterSchemaListTests {
    @Test func deadLetterHeaderSchemaNamesEveryKindAndStageInTheCode() throws {
        let url = SchemaValidation.directory.appendingPathComponent("dead-letter-headers.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let kinds = try #require(properties["error-kind"]?["enum"] as? [String])
        #expect(kinds == DeadLetterKind.allCases.map(\.rawValue))
        let stages = try #require(properties["error-stage"]?["enum"] as? [String])
        #expect(stages == DeadLetter.Stage.allCases.map(\.rawValue))
    }
}

extension BrokerTests {
    /// A real run of producer, enricher and sink, with inputs that are dead-lettered at every
    /// stage, and what it wrote checked against the published schemas by a validator not ours.
    @Suite("Schemas: real pipeline output", .timeLimit(.minutes(5)))
    struct PipelineSchemaTests {
        @Test(.enabled(if: TestEnvironment.python != nil || TestEnvironment.isCI))
        func rawEnrichedAndDeadLetterRecordsMatchThePublishedSchemas() async throws {
            let pipeline = try PipelineHarness()
            let input = try TestEnvironment.temporaryDirectory()
            for seed in try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.seedsDirectory.path) {
                try FileManager.default.copyItem(
                    at: TestEnvironment.seedsDirectory.appendingPathComponent(seed),
                    to: input.appendingPathComponent(seed))
            }
            // Dead-lettered by the enricher (undecodable bytes) and by the producer (a crawler
            // line without text); a crawler record with a URL and title is published.
            try Data([0x48, 0xE1, 0xBB, 0x99, 0x69, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x0A])
                .write(to: input.appendingPathComponent("invalid-utf8.txt"))
            try Data(
                """
                {"url": "https://example.vn/a", "title": "Tin mới", "text": "Hội nghị tổng kết công tác năm đã khai mạc tại Hà Nội với sự tham dự của đại biểu các tỉnh. Các đại biểu thảo luận về kế hoạch phát triển kinh tế trong năm tới."}
                {"url": "https://example.vn/b"}

                """.utf8
            ).write(to: input.appendingPathComponent("crawl.jsonl"))

            let produced = try await ExecutableRun.run(
                "news-producer",
                pipeline.connectionArguments + [
                    "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic, "--", input.path,
                ])
            // One input was unusable, so the producer says so in its status.
            #expect(produced.status == 1, "producer: \(produced.standardError)")
            #expect(try await pipeline.enrich().status == 0)
            // Dead-lettered by the sink: a record on the enriched topic that is not JSON.
            _ = try await FaultInjection.publish(
                [OutgoingMessage(topic: pipeline.enrichedTopic, key: Array("foreign".utf8), value: Array("<p>".utf8))],
                brokers: pipeline.brokers)
            let output = try TestEnvironment.temporaryDirectory()
            let sunk = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output) + ["--dlq-topic", pipeline.deadLetterTopic])
            #expect(sunk.status == 0, "sink: \(sunk.standardError)")

            let raw = try await pipeline.readAll(pipeline.rawTopic)
            #expect(raw.count == 7)
            try await SchemaValidation.expectValid(
                raw.map { String(decoding: $0.value, as: UTF8.self) }, against: "raw-article.schema.json")

            let lines = try FileManager.default.contentsOfDirectory(atPath: output.path).filter(SinkFiles.isOutput)
                .flatMap { file in
                    String(decoding: try SinkFiles.contents(of: output.appendingPathComponent(file)), as: UTF8.self)
                        .split(separator: "\n").map(String.init)
                }
            #expect(lines.count == 6)
            try await SchemaValidation.expectValid(lines, against: "enriched-article.schema.json")

            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            #expect(Set(deadLetters.compactMap { $0.header("error-stage") }) == ["produce", "enrich", "sink"])
            let headerObjects = try deadLetters.map { record in
                let object = Dictionary(
                    record.headers.map { ($0.key, String(decoding: $0.value ?? [], as: UTF8.self)) }
                ) { _, last in last }
                return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            }
            try await SchemaValidation.expectValid(headerObjects, against: "dead-letter-headers.schema.json")
        }
    }
}
