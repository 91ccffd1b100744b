import ArticleCore
import Foundation
import Kafka
import Logging
import Pipeline

/// Sizes and inputs for the fault-injection scenarios. `NEWS_SOAK_SCALE` multiplies every
/// article count (default 1, sized for CI on two cores); set it higher for a local soak run.
enum FaultInjection {
    static let scale: Double = TestEnvironment.variables["NEWS_SOAK_SCALE"].flatMap(Double.init) ?? 1

    static func scaled(_ count: Int) -> Int {
        max(1, Int((Double(count) * scale).rounded()))
    }

    /// `count` distinct enriched articles, as the enricher would publish them: one seed
    /// processed once, then given a distinct id and title each.
    static func enrichedArticles(_ count: Int) throws -> [EnrichedArticle] {
        let seed = TestEnvironment.seedsDirectory.appendingPathComponent("003_b5a5b979df70e810.txt")
        let raw = RawArticle.fromBytes(
            Array(try Data(contentsOf: seed)), source: seed.path, contentType: "text/plain", receivedAt: Date())
        let template = try ArticleProcessor().process(
            raw,
            provenance: Provenance(
                enricherVersion: "test", topic: nil, partition: nil, offset: nil, processedAt: Date()))
        return (0..<count).map { index in
            var article = template
            article.id = ArticleID(rawValue: String(format: "%016llx", 0xfa00_0000_0000_0000 + UInt64(index)))!
            article.title = "Bài kiểm thử số \(index)"
            return article
        }
    }

    /// `count` distinct short raw articles (about 400 bytes each, cheap to enrich), keyed by id
    /// as the producer publishes them.
    static func rawArticleMessages(_ count: Int, topic: String) -> [OutgoingMessage] {
        (0..<count).map { index in
            let text = """
                Hội nghị kiểm thử số \(index) của Bộ Ngoại giao
                Thứ năm, 21 Tháng 12 2023 10:06
                Sáng 21/12, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị lần thứ \(index) với nhiều đại biểu.

                Phát biểu tại hội nghị, Bộ trưởng nhấn mạnh vai trò của ngoại giao, bài số \(index).

                Nguồn: baochinhphu.vn
                """
            let article = RawArticle.fromBytes(
                Array(text.utf8), source: "fault-injection-\(index).txt", contentType: "text/plain", receivedAt: Date())
            return OutgoingMessage(topic: topic, key: Array(article.id.rawValue.utf8), value: article.jsonBytes())
        }
    }

    /// The enriched record for `article`, keyed by its id like the enricher's output.
    static func message(for article: EnrichedArticle, topic: String) -> OutgoingMessage {
        OutgoingMessage(
            topic: topic, key: Array(article.id.rawValue.utf8), value: Array(article.jsonLine().utf8),
            headers: [KafkaHeader(key: "schema-version", string: "\(article.schemaVersion)")])
    }

    /// Sends `messages` in batches of `batch`, pausing `pause` between batches, so that a run
    /// lasts long enough to crash workers in the middle of it. Returns how many were delivered.
    static func publish(
        _ messages: [OutgoingMessage], brokers: String, batch: Int = 50, pause: Duration = .zero
    ) async throws -> Int {
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: [brokers])),
            logger: Logger(label: "fault-injection"))
        var delivered = 0
        for start in stride(from: 0, to: messages.count, by: batch) {
            delivered += try await withThrowingTaskGroup(of: Int.self) { group in
                for message in messages[start..<min(start + batch, messages.count)] {
                    group.addTask {
                        _ = try await producer.send(message); return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            if pause > .zero { try await Task.sleep(for: pause) }
        }
        await producer.close(timeout: .seconds(10))
        return delivered
    }

    /// A consumed record's place: what an enriched record's provenance points back to.
    struct SourceOffset: Hashable {
        var partition: TopicPartition
        var offset: Int64
    }

    /// The raw records that `enriched` records came from, read from their provenance.
    static func sourceOffsets(of enriched: [ConsumedRecord]) throws -> Set<SourceOffset> {
        Set(
            try enriched.map { record in
                let article = try EnrichedArticle.decode(jsonBytes: record.value)
                let provenance = article.provenance
                return SourceOffset(
                    partition: TopicPartition(topic: provenance.topic ?? "", partition: provenance.partition ?? -1),
                    offset: provenance.offset ?? -1)
            })
    }

    /// The offsets `group` has committed in `topic`, by partition.
    static func committedOffsets(group: String, topic: String, brokers: String) async throws -> [TopicPartition: Int64]
    {
        let reader = KafkaOffsetReader(
            configuration: KafkaClientConfiguration(bootstrapServers: [brokers]),
            logger: Logger(label: "fault-injection"))
        let partitions = try await reader.partitionOffsets(of: topic, timeout: .seconds(30)).keys
        let committed = try await reader.committedOffsets(of: group, for: Array(partitions), timeout: .seconds(30))
        await reader.close()
        return committed
    }

    /// Creates `topics` with the pipeline's partition counts.
    static func createTopics(_ topics: [String], brokers: String) async throws {
        try await TopicProvisioner(
            client: KafkaClientConfiguration(bootstrapServers: [brokers]), logger: Logger(label: "fault-injection")
        ).ensure(topics)
    }

    /// Every line of every sink output file in `directory`, finished or in progress: (parsed
    /// ids, lines that are not a JSON object with an id).
    ///
    /// Read while the sink runs, a file in progress can be renamed to its finished name between
    /// the listing and the read (the chaos test once failed on it); the directory is then listed
    /// and read again.
    static func outputIDs(in directory: URL) throws -> (ids: [String], invalid: [String]) {
        for _ in 1..<10 {
            do {
                return try readOutputIDs(in: directory)
            } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
                continue
            }
        }
        return try readOutputIDs(in: directory)
    }

    private static func readOutputIDs(in directory: URL) throws -> (ids: [String], invalid: [String]) {
        var ids: [String] = []
        var invalid: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where SinkFiles.isOutput(file) {
            let data = try SinkFiles.contents(of: directory.appendingPathComponent(file))
            if let last = data.last, last != UInt8(ascii: "\n") {
                invalid.append("\(file) does not end with a newline")
            }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                    let id = object["id"] as? String
                {
                    ids.append(id)
                } else {
                    invalid.append(String(decoding: line.prefix(80), as: UTF8.self))
                }
            }
        }
        return (ids, invalid)
    }

    /// Lines written so far to the sink output files of `directory`, finished or in progress.
    static func lineCount(in directory: URL) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter(SinkFiles.isOutput).reduce(0) { total, file in
            let data = (try? SinkFiles.contents(of: directory.appendingPathComponent(file))) ?? Data()
            return total + data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
    }
}
