import Foundation
import Kafka
import Testing

@testable import Pipeline

@Suite struct DeadLetterHeaderTests {
    private let record = ConsumedRecord(
        topic: "articles.raw", partition: 2, offset: 41, key: Array("id-1".utf8), value: [0xFF, 0xFE],
        headers: [KafkaHeader(key: "source", string: "a.txt")])

    @Test func deadLetterKeepsTheBytesAndSaysWhatWhereAndWhichAttempt() {
        let message = DeadLetter.message(for: record, kind: .invalidEncoding, reason: "bad byte", topic: "dlq")
        #expect(message.topic == "dlq")
        #expect(message.key == record.key)
        #expect(message.value == record.value)
        #expect(message.headers.string(for: "source") == "a.txt")
        #expect(message.headers.string(for: "error-kind") == "invalid_encoding")
        #expect(message.headers.string(for: "error-message") == "bad byte")
        #expect(message.headers.string(for: "error-stage") == "enrich")
        #expect(message.headers.string(for: "source-topic") == "articles.raw")
        #expect(message.headers.string(for: "source-partition") == "2")
        #expect(message.headers.string(for: "source-offset") == "41")
        #expect(message.headers.string(for: "attempt") == "1")
    }

    @Test func aReplayedRecordThatFailsAgainCountsTheNextAttemptWithFreshHeaders() {
        let first = DeadLetter.message(for: record, kind: .invalidEncoding, reason: "bad byte", topic: "dlq")
        let deadLetter = ConsumedRecord(consuming: first, partition: 0, offset: 7)
        let replayed = DeadLetterReplay.replayMessage(for: deadLetter, to: "articles.raw")
        #expect(replayed.topic == "articles.raw")
        #expect(replayed.value == record.value)
        #expect(replayed.headers.map(\.key).sorted() == ["attempt", "source"])

        let again = ConsumedRecord(consuming: replayed, partition: 2, offset: 90)
        let second = DeadLetter.message(for: again, kind: .invalidEncoding, reason: "still bad", topic: "dlq")
        #expect(second.headers.string(for: "attempt") == "2")
        #expect(second.headers.string(for: "source-offset") == "90")
        #expect(second.headers.filter { $0.key == "error-kind" }.count == 1)
    }

    @Test func aTombstoneIsDeadLetteredAsATombstoneAndReplayedAsOne() {
        let tombstone = ConsumedRecord(
            topic: "articles.raw", partition: 1, offset: 5, key: Array("id-2".utf8), value: [], isTombstone: true)
        let deadLetter = DeadLetter.message(for: tombstone, kind: .tombstone, reason: "null", topic: "dlq")
        #expect(deadLetter.value == nil, "null, not empty: the record as it was")
        #expect(deadLetter.key == tombstone.key)
        let replayed = DeadLetterReplay.replayMessage(
            for: ConsumedRecord(consuming: deadLetter, partition: 0, offset: 3), to: "articles.raw")
        #expect(replayed.value == nil)
        #expect(replayed.key == tombstone.key)

        let empty = ConsumedRecord(topic: "articles.raw", partition: 1, offset: 6, key: nil, value: [])
        #expect(DeadLetter.message(for: empty, kind: .emptyBody, reason: "empty", topic: "dlq").value == [])
    }

    @Test func anAttemptHeaderSetByAnotherProducerCannotOverflowOrGoBackwards() {
        for (header, attempt) in [("9223372036854775807", "1"), ("-4", "1"), ("tám", "1"), ("2", "3")] {
            var foreign = record
            foreign.headers = [KafkaHeader(key: "attempt", string: header)]
            let message = DeadLetter.message(for: foreign, kind: .invalidEncoding, reason: "x", topic: "dlq")
            #expect(message.headers.string(for: "attempt") == attempt, "attempt \(header)")
        }
        var invalidUTF8 = record
        invalidUTF8.headers = [KafkaHeader(key: "attempt", value: [0xFF, 0xFE])]
        let message = DeadLetter.message(for: invalidUTF8, kind: .invalidEncoding, reason: "x", topic: "dlq")
        #expect(message.headers.string(for: "attempt") == "1")
    }

    @Test func aLongReasonIsCutToBoundTheDeadLetter() {
        let reason = String(repeating: "ờ", count: 5_000)
        let message = DeadLetter.message(for: record, kind: .notARawArticle, reason: reason, topic: "dlq")
        let written = message.headers.string(for: "error-message") ?? ""
        #expect(written.utf8.count <= DeadLetter.maximumReasonBytes)
        #expect(written.hasSuffix("..."))
        #expect(written.hasPrefix("ờờờ"))
    }
}

extension ConsumedRecord {
    /// How `message` reads back from the broker at `partition` and `offset`.
    init(consuming message: OutgoingMessage, partition: Int32, offset: Int64) {
        self.init(
            topic: message.topic, partition: partition, offset: offset, key: message.key, value: message.value ?? [],
            headers: message.headers, isTombstone: message.value == nil)
    }
}

extension BrokerTests {
    @Suite("Dead letters", .timeLimit(.minutes(4)))
    struct DeadLetterReplayTests {
        @Test func replaySendsEachDeadLetterBackOnceAndAFailingAgainCountsAttempt2() async throws {
            let pipeline = try PipelineHarness()
            let input = try TestEnvironment.temporaryDirectory()
            try Data([0x48, 0xE1, 0xBB, 0x99, 0x69, 0xFF, 0xFE, 0x0A]).write(
                to: input.appendingPathComponent("bad.txt"))
            #expect(try await pipeline.produce([input.path]).status == 0)
            #expect(try await pipeline.enrich().status == 0)
            #expect(try await pipeline.readAll(pipeline.deadLetterTopic).count == 1)

            let replayGroup = TestEnvironment.uniqueName("replay")
            let replayArguments = [
                "dlq", "replay", "--brokers", pipeline.brokers, "--dlq-topic", pipeline.deadLetterTopic,
                "--group", replayGroup,
            ]
            let dryRun = try await ExecutableRun.run("newsctl", replayArguments + ["--dry-run"])
            #expect(dryRun.status == 0, "\(dryRun.standardError)")
            #expect(dryRun.standardOutput.contains("would replay to \(pipeline.rawTopic)"))
            let replayed = try await ExecutableRun.run("newsctl", replayArguments)
            #expect(replayed.status == 0, "\(replayed.standardError)")
            #expect(replayed.standardOutput.contains("replayed 1 of 1 dead letters"))
            // The cause is not fixed: the record fails again, on its second attempt.
            #expect(try await pipeline.enrich().status == 0)
            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            #expect(deadLetters.compactMap { $0.header("attempt") }.sorted() == ["1", "2"])
            #expect(try await pipeline.readAll(pipeline.rawTopic).count == 2)

            let secondReplay = try await ExecutableRun.run("newsctl", replayArguments)
            #expect(secondReplay.standardOutput.contains("replayed 1 of 1 dead letters"), "only the new one")
            print(
                "dead-letter replay: \(replayed.standardOutput.split(separator: "\n").last ?? ""); then \(secondReplay.standardOutput.split(separator: "\n").last ?? "")"
            )
        }

        @Test func sinkDeadLettersARecordThatIsNotAnEnrichedArticle() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let good = try FaultInjection.enrichedArticles(2).map {
                FaultInjection.message(for: $0, topic: pipeline.enrichedTopic)
            }
            let bad = OutgoingMessage(
                topic: pipeline.enrichedTopic, key: Array("x".utf8), value: Array("not json".utf8))
            _ = try await FaultInjection.publish([good[0], bad, good[1]], brokers: pipeline.brokers)
            let output = try TestEnvironment.temporaryDirectory()
            let sunk = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output) + ["--dlq-topic", pipeline.deadLetterTopic])
            #expect(sunk.status == 0, "\(sunk.standardError)")
            #expect(try FaultInjection.outputIDs(in: output).ids.count == 2)
            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            #expect(deadLetters.count == 1)
            #expect(deadLetters.first?.value == Array("not json".utf8))
            #expect(deadLetters.first?.header("error-stage") == "sink")
            #expect(deadLetters.first?.header("error-kind") == "not_an_enriched_article")
            #expect(deadLetters.first?.header("source-topic") == pipeline.enrichedTopic)
        }
    }
}
