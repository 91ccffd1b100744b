import ArticleCore
import Foundation
import Kafka
import Logging
import Testing

/// Records that producers other than ours put straight on `articles.raw` and
/// `articles.enriched`: each is dead-lettered with its kind, or processed when it is valid, and
/// the worker keeps running and keeps moving the good records that come after.
extension BrokerTests {
    @Suite("Foreign records on the raw topic", .timeLimit(.minutes(3)))
    struct ForeignRawRecordTests {
        @Test(arguments: [false, true])
        func enricherDeadLettersEachForeignRecordWithItsKindAndKeepsEnrichingTheGoodOnes(exactlyOnce: Bool)
            async throws
        {
            let started = ContinuousClock.now
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let cases = try ForeignRecord.rawCases(topic: pipeline.rawTopic)
            let before = FaultInjection.rawArticleMessages(3, topic: pipeline.rawTopic)
            let after = Array(FaultInjection.rawArticleMessages(6, topic: pipeline.rawTopic).dropFirst(3))

            let transactional =
                exactlyOnce ? ["--exactly-once", "--transactional-id", "\(pipeline.enricherGroup)-foreign"] : []
            let enricher = try ExecutableRun(
                "news-enricher",
                pipeline.enricherArguments(exitWhenIdle: nil) + transactional + [
                    "--shutdown-timeout", "10", "--log-level", "info",
                ])
            try await EnricherGroup.waitForAssignments([enricher], topic: pipeline.rawTopic)
            _ = try await FaultInjection.publish(
                before + cases.map(\.message), brokers: pipeline.brokers, batch: 1)

            let expectedIDs = Set(
                (before + after).compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
                    + cases.compactMap(\.processedID))
            let enriched = try TopicTail(pipeline.enrichedTopic, brokers: pipeline.brokers)
            let deadLetters = try TopicTail(pipeline.deadLetterTopic, brokers: pipeline.brokers)
            let deadLetterCases = Set(cases.filter { $0.deadLetterKind != nil }.map(\.name))
            try await deadLetters.read("a dead letter for every bad record") { records in
                Set(records.compactMap { $0.header(ForeignRecord.caseHeader) }).isSuperset(of: deadLetterCases)
            }
            #expect(await enricher.child.waitForExit(timeout: .zero) == nil, "still running after the bad records")
            // Records after the bad ones, in every partition, still flow.
            _ = try await FaultInjection.publish(after, brokers: pipeline.brokers)
            try await enriched.read("every good record enriched") { records in
                Set(records.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }).isSuperset(
                    of: expectedIDs)
            }
            let enrichedIDs = enriched.records.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            #expect(Set(enrichedIDs) == expectedIDs, "nothing else was enriched: no bad record became an article")

            ForeignRecord.check(deadLetters.records, against: cases, stage: "enrich", sourceTopic: pipeline.rawTopic)
            let signalled = ContinuousClock.now
            enricher.child.send(SIGTERM)
            let stopped = await enricher.wait(timeout: .seconds(20))
            #expect(stopped.status == 0, "\(stopped.standardError.suffix(2000))")
            #expect(!stopped.standardError.contains("Fatal error"))
            await enriched.close()
            await deadLetters.close()
            let kinds = deadLetters.records.compactMap { $0.header("error-kind") }.sorted()
            print(
                "foreign raw records (\(exactlyOnce ? "exactly-once" : "at-least-once")): \(cases.count) foreign "
                    + "records among \(before.count + after.count) good ones; \(Set(enrichedIDs).count) ids enriched "
                    + "(\(cases.filter { $0.processedID != nil }.count) of them foreign); "
                    + "\(deadLetters.records.count) dead letters: \(kinds.joined(separator: ", ")); "
                    + "SIGTERM exit \(stopped.status) after \(ContinuousClock.now - signalled); "
                    + "total \(ContinuousClock.now - started)")
        }
    }

    @Suite("Foreign records on the enriched topic", .timeLimit(.minutes(3)))
    struct ForeignEnrichedRecordTests {
        @Test func sinkDeadLettersEachForeignRecordKeepsWritingAndATombstoneReplaysAsOne() async throws {
            let started = ContinuousClock.now
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(8)
            let good = articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) }
            let cases = try ForeignRecord.enrichedCases(topic: pipeline.enrichedTopic)
            let output = try TestEnvironment.temporaryDirectory()
            let sink = try ExecutableRun(
                "news-sink",
                pipeline.sinkArguments(to: output, exitWhenIdle: nil) + [
                    "--dlq-topic", pipeline.deadLetterTopic, "--shutdown-timeout", "10", "--log-level", "info",
                ])
            try await EnricherGroup.waitForAssignments([sink], topic: pipeline.enrichedTopic)
            _ = try await FaultInjection.publish(
                Array(good.prefix(4)) + cases.map(\.message), brokers: pipeline.brokers, batch: 1)

            let deadLetters = try TopicTail(pipeline.deadLetterTopic, brokers: pipeline.brokers)
            let deadLetterCases = Set(cases.filter { $0.deadLetterKind != nil }.map(\.name))
            try await deadLetters.read("a dead letter for every bad record") { records in
                Set(records.compactMap { $0.header(ForeignRecord.caseHeader) }).isSuperset(of: deadLetterCases)
            }
            #expect(await sink.child.waitForExit(timeout: .zero) == nil, "still running after the bad records")
            _ = try await FaultInjection.publish(Array(good.dropFirst(4)), brokers: pipeline.brokers)
            let expectedIDs = Set(articles.map(\.id.rawValue) + cases.compactMap(\.processedID))
            let deadline = ContinuousClock.now + .seconds(30)
            while Set(try FaultInjection.outputIDs(in: output).ids) != expectedIDs, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            ForeignRecord.check(
                deadLetters.records, against: cases, stage: "sink", sourceTopic: pipeline.enrichedTopic)

            let signalled = ContinuousClock.now
            sink.child.send(SIGTERM)
            let stopped = await sink.wait(timeout: .seconds(20))
            #expect(stopped.status == 0, "\(stopped.standardError.suffix(2000))")
            let stoppedAfter = ContinuousClock.now - signalled

            // The tombstone's dead letter goes back as a tombstone, and fails again on attempt 2.
            // The sink is stopped first: a replay reads the dead-letter topic to its end, and a
            // running sink would keep adding to it.
            let replay = try await ExecutableRun.run(
                "newsctl",
                [
                    "dlq", "replay", "--brokers", pipeline.brokers, "--dlq-topic", pipeline.deadLetterTopic,
                    "--group", TestEnvironment.uniqueName("replay"), "--error-kind", "tombstone",
                ], timeout: .seconds(30))
            #expect(replay.status == 0, "\(replay.standardError.suffix(2000))")
            #expect(replay.standardOutput.contains("replayed 1 of"), "\(replay.standardOutput)")
            let restarted = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output) + ["--dlq-topic", pipeline.deadLetterTopic],
                timeout: .seconds(30))
            #expect(restarted.status == 0, "\(restarted.standardError.suffix(2000))")
            try await deadLetters.read("the replayed tombstone dead-lettered again") { records in
                records.contains { $0.header("error-kind") == "tombstone" && $0.header("attempt") == "2" }
            }
            let again = try #require(deadLetters.records.first { $0.header("attempt") == "2" })
            #expect(again.isTombstone, "replayed as a null value, not an empty one")
            #expect(again.header(ForeignRecord.caseHeader) == "tombstone")

            await deadLetters.close()
            let (ids, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty, "no bad record reached the output: \(invalid.prefix(3))")
            #expect(ids.count == expectedIDs.count, "each line once")
            #expect(Set(ids) == expectedIDs)
            let kinds = deadLetters.records.compactMap { $0.header("error-kind") }.sorted()
            print(
                "foreign enriched records: \(cases.count) foreign records among \(good.count) good ones; "
                    + "\(ids.count) lines written (\(cases.filter { $0.processedID != nil }.count) of them foreign), "
                    + "0 invalid; \(deadLetters.records.count) dead letters: \(kinds.joined(separator: ", ")); "
                    + "tombstone replayed and dead-lettered again with attempt 2; "
                    + "SIGTERM exit \(stopped.status) after \(stoppedAfter); total \(ContinuousClock.now - started)")
        }
    }
}

/// One record another producer might send, and what the pipeline must make of it.
struct ForeignRecord {
    /// Names the case on the record; dead letters keep the input's headers, so it names theirs too.
    static let caseHeader = "test-case"

    var name: String
    var message: OutgoingMessage
    /// The kind its dead letter must have, or nil when it is valid and must be processed.
    var deadLetterKind: DeadLetterKind?
    /// The article id its output must have, when it is processed.
    var processedID: String?

    private static let hugeKey = [UInt8](repeating: UInt8(ascii: "k"), count: 1 << 20)
    /// Many headers, one of them 1 MiB, and values that are not UTF-8: some in the pipeline's
    /// own header names, which the workers read.
    private static let awkwardHeaders =
        (0..<100).map { KafkaHeader(key: "x-filler-\($0)", value: Array(repeating: 0x61, count: 1024)) } + [
            KafkaHeader(key: "x-huge", value: Array(repeating: 0x62, count: 1 << 20)),
            KafkaHeader(key: "x-not-utf8", value: [0xFF, 0xFE, 0xC3, 0x28]),
            KafkaHeader(key: "schema-version", value: [0xC3, 0x28]),
            KafkaHeader(key: "attempt", value: [0xFF]),
            KafkaHeader(key: "x-null", value: nil),
        ]

    private static func make(
        _ name: String, topic: String, key: [UInt8]? = nil, value: [UInt8]?, headers: [KafkaHeader] = [],
        deadLetter kind: DeadLetterKind? = nil, processedID: String? = nil
    ) -> ForeignRecord {
        ForeignRecord(
            name: name,
            message: OutgoingMessage(
                topic: topic, key: key ?? Array("foreign-\(name)".utf8), value: value,
                headers: headers + [KafkaHeader(key: caseHeader, string: name)]),
            deadLetterKind: kind, processedID: processedID)
    }

    static func rawCases(topic: String) throws -> [ForeignRecord] {
        let seedText = try Data(
            contentsOf: TestEnvironment.seedsDirectory.appendingPathComponent("002_080f909c526fe6db.txt"))
        let plainText = RawArticle.fromBytes(
            Array(seedText), source: "x", contentType: "text/plain", receivedAt: Date())
        let crawlerLine =
            #"{"url": "https://example.vn/tin/foreign", "text": "Hội nghị kiểm thử\n\nSáng 21/12, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị với nhiều đại biểu."}"#
        let crawled = try RawArticle.fromCrawlerLine(crawlerLine, source: "x", receivedAt: Date())
        let valid = FaultInjection.rawArticleMessages(12, topic: topic).suffix(3)
        func validRaw(_ index: Int) -> (value: [UInt8], id: String) {
            let message = valid[valid.startIndex + index]
            return (message.value ?? [], String(decoding: message.key ?? [], as: UTF8.self))
        }
        func rawObject(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(validRaw(0).value)) as? [String: Any])
            change(&object)
            return Array(try JSONSerialization.data(withJSONObject: object))
        }
        return [
            make("tombstone", topic: topic, value: nil, deadLetter: .tombstone),
            make("tombstone-huge-key", topic: topic, key: hugeKey, value: nil, deadLetter: .tombstone),
            make("empty", topic: topic, value: [], deadLetter: .emptyBody),
            make(
                "binary", topic: topic, value: [0x00, 0xFF, 0x01, 0xFE] + Array(repeating: 0x02, count: 400),
                deadLetter: .binaryContent),
            make(
                "truncated-json", topic: topic, value: Array(#"{"schema_version": 1, "id": "ab"#.utf8),
                deadLetter: .notARawArticle),
            make(
                "json-array", topic: topic, value: Array("[1, 2, 3]".utf8), headers: awkwardHeaders,
                deadLetter: .notARawArticle),
            make("json-number", topic: topic, value: Array("42".utf8), deadLetter: .notARawArticle),
            make(
                "wrong-types", topic: topic, value: try rawObject { $0["received_at"] = 17 },
                deadLetter: .notARawArticle),
            make(
                "not-a-crawler-line", topic: topic, value: Array(#"{"hello": "world"}"#.utf8),
                deadLetter: .invalidCrawlerRecord),
            make(
                "schema-version-99", topic: topic, value: try rawObject { $0["schema_version"] = 99 },
                deadLetter: .unsupportedSchemaVersion),
            make(
                "attempt-overflow", topic: topic, value: Array("[]".utf8),
                headers: [KafkaHeader(key: "attempt", string: "\(Int.max)")], deadLetter: .notARawArticle),
            make("plain-text", topic: topic, value: Array(seedText), processedID: plainText.id.rawValue),
            make("crawler-line", topic: topic, value: Array(crawlerLine.utf8), processedID: crawled.id.rawValue),
            make("huge-key", topic: topic, key: hugeKey, value: validRaw(0).value, processedID: validRaw(0).id),
            make(
                "awkward-headers", topic: topic, value: validRaw(1).value, headers: awkwardHeaders,
                processedID: validRaw(1).id),
            make("empty-key", topic: topic, key: [], value: validRaw(2).value, processedID: validRaw(2).id),
        ]
    }

    static func enrichedCases(topic: String) throws -> [ForeignRecord] {
        let articles = try FaultInjection.enrichedArticles(12).suffix(3).map { article in
            var article = article
            article.id = ArticleID(rawValue: "foreign-" + article.id.rawValue)!
            return article
        }
        func value(_ index: Int) -> [UInt8] { articles[articles.startIndex + index].jsonBytes() }
        func id(_ index: Int) -> String { articles[articles.startIndex + index].id.rawValue }
        func object(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(value(0))) as? [String: Any])
            change(&object)
            return Array(try JSONSerialization.data(withJSONObject: object))
        }
        // Invalid UTF-8 inside a JSON string: a lone 0xFF at the start of the title.
        let title = Array(#""title":""#.utf8)
        var invalidUTF8 = value(0)
        let titleStart = try #require(invalidUTF8.firstRange(of: title)).upperBound
        invalidUTF8.insert(0xFF, at: titleStart)
        return [
            make("tombstone", topic: topic, value: nil, deadLetter: .tombstone),
            make("empty", topic: topic, value: [], deadLetter: .notAnEnrichedArticle),
            make("not-json", topic: topic, value: Array("not json".utf8), deadLetter: .notAnEnrichedArticle),
            make(
                "json-array", topic: topic, value: Array("[]".utf8), headers: awkwardHeaders,
                deadLetter: .notAnEnrichedArticle),
            make(
                "wrong-types", topic: topic, value: try object { $0["paragraphs"] = "one" },
                deadLetter: .notAnEnrichedArticle),
            make("invalid-utf8-in-json", topic: topic, value: invalidUTF8, deadLetter: .notAnEnrichedArticle),
            make(
                "schema-version-3", topic: topic, value: try object { $0["schema_version"] = 3 },
                deadLetter: .unsupportedSchemaVersion),
            make("huge-key", topic: topic, key: hugeKey, value: value(0), processedID: id(0)),
            make("awkward-headers", topic: topic, value: value(1), headers: awkwardHeaders, processedID: id(1)),
            make(
                "spread-over-lines", topic: topic,
                value: Array(
                    try JSONSerialization.data(
                        withJSONObject: try JSONSerialization.jsonObject(with: Data(value(2))), options: .prettyPrinted)
                ),
                processedID: id(2)),
        ]
    }

    /// Every bad case has dead letters of its kind, at `stage`, pointing back at its record,
    /// with its key, value (null for a tombstone) and headers as they were; no valid one has.
    static func check(
        _ deadLetters: [ConsumedRecord], against cases: [ForeignRecord], stage: String, sourceTopic: String
    ) {
        for foreign in cases {
            let letters = deadLetters.filter { $0.header(caseHeader) == foreign.name }
            guard let kind = foreign.deadLetterKind else {
                #expect(letters.isEmpty, "\(foreign.name) is valid and must not be dead-lettered")
                continue
            }
            // Exactly once on Tansu may repeat a dead letter after an abort (see RELIABILITY.md).
            #expect(!letters.isEmpty, "\(foreign.name) has a dead letter")
            for letter in letters where letter.header("attempt") == "1" {
                #expect(letter.header("error-kind") == kind.rawValue, "\(foreign.name)")
                #expect(letter.header("error-stage") == stage, "\(foreign.name)")
                #expect(letter.header("source-topic") == sourceTopic, "\(foreign.name)")
                #expect(letter.header("error-message")?.isEmpty == false, "\(foreign.name)")
                #expect(letter.key == foreign.message.key, "\(foreign.name): key unchanged")
                #expect(letter.isTombstone == (foreign.message.value == nil), "\(foreign.name): null stays null")
                #expect(letter.value == (foreign.message.value ?? []), "\(foreign.name): bytes unchanged")
                let ownHeaders = Set([
                    "error-kind", "error-message", "error-stage", "source-topic",
                    "source-partition", "source-offset", "attempt",
                ])
                #expect(
                    letter.headers.filter { !ownHeaders.contains($0.key) }
                        == foreign.message.headers.filter { !ownHeaders.contains($0.key) },
                    "\(foreign.name): headers unchanged, byte for byte")
            }
        }
        #expect(
            deadLetters.filter { $0.header("attempt") == "1" }.count >= cases.filter { $0.deadLetterKind != nil }.count)
    }
}

/// One consumer reading a topic from its beginning for a whole test, so that waiting for more
/// records does not pay for a group join each time.
final class TopicTail {
    private let consumer: KafkaConsumer
    private(set) var records: [ConsumedRecord] = []

    init(_ topic: String, brokers: String) throws {
        var configuration = ConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: [brokers], clientID: "integration-test"),
            groupID: TestEnvironment.uniqueName("tail"))
        // Between reads the test runs workers for a while without polling.
        configuration.maxPollInterval = .seconds(120)
        consumer = try KafkaConsumer(configuration: configuration, logger: Logger(label: "integration-test"))
        try consumer.subscribe(topics: [topic])
    }

    /// Reads until `isDone` holds for every record read so far; records an issue naming `what`
    /// if it does not within `timeout`.
    func read(_ what: String, timeout: Duration = .seconds(30), until isDone: ([ConsumedRecord]) -> Bool)
        async throws
    {
        let deadline = ContinuousClock.now + timeout
        while !isDone(records) {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out after \(timeout) waiting for \(what)")
                return
            }
            if case .record(let record) = try await consumer.poll(timeout: .milliseconds(100)) {
                records.append(record)
            }
        }
    }

    func close() async {
        await consumer.close()
    }
}
