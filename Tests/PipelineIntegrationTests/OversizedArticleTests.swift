import Foundation
import Kafka
import Testing

extension BrokerTests {
    @Suite("Articles over the size limit", .timeLimit(.minutes(5)))
    struct OversizedArticleTests {
        @Test func articleOverTheLimitIsDeadLetteredWithItsReasonAndTheStreamContinues() async throws {
            let pipeline = try PipelineHarness()
            let input = try TestEnvironment.temporaryDirectory()
            for seed in ["000_cc4fa1231091c4b6.txt", "002_080f909c526fe6db.txt"] {
                try FileManager.default.copyItem(
                    at: TestEnvironment.seedsDirectory.appendingPathComponent(seed), to: input.appendingPathComponent(seed))
            }
            // 3 MB of text: over the enricher's 2 MB default, under the producer's record limit.
            let paragraph = "Hội nghị Ngoại giao lần thứ 32 đã thảo luận nhiều nội dung quan trọng về đối ngoại.\n\n"
            let oversized = "Bài viết quá dài\n\n" + String(repeating: paragraph, count: 3 * 1024 * 1024 / paragraph.utf8.count)
            try Data(oversized.utf8).write(to: input.appendingPathComponent("001-oversized.txt"))

            let produced = try await pipeline.produce([input.path])
            #expect(produced.status == 0, "producer: \(produced.standardError)")
            #expect(produced.standardOutput.hasPrefix("published 3 of 3 articles"))
            let enriched = try await pipeline.enrich()
            #expect(enriched.status == 0, "enricher: \(enriched.standardError)")

            #expect(try await pipeline.readAll(pipeline.enrichedTopic).count == 2)
            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            #expect(deadLetters.count == 1)
            let deadLetter = try #require(deadLetters.first)
            #expect(deadLetter.header("error-kind") == "too_large")
            #expect(deadLetter.header("error-message")?.contains("over the limit of 2097152 bytes") == true)
            // The original record travels unchanged, so it can be replayed once the limit is raised.
            #expect(deadLetter.value.count > 3_000_000)
        }
    }
}
