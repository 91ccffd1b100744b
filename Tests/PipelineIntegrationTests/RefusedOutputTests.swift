import Foundation
import Logging
import Synchronization
import Testing
import WorkerRuntime

@testable import Kafka
@testable import Pipeline

/// The one failure policy, on librdkafka's in-process mock cluster (no broker): an output the
/// broker refuses for good (here every record of the enricher's first produce request is
/// answered MESSAGE_TOO_LARGE) becomes an `output_rejected` dead letter in both modes, and in
/// exactly-once mode it costs a bounded number of aborted transactions, not an endless loop.
@Suite("Outputs the broker refuses", .timeLimit(.minutes(2)))
struct RefusedOutputTests {
    @Test(arguments: [false, true])
    func anOutputRefusedForGoodIsDeadLetteredAndTheStreamGoesOn(exactlyOnce: Bool) async throws {
        let mock = try await MockEnricherSetup(records: 20)
        // From here on, the first produce request (the enricher's first outputs) is refused.
        mock.admin.failNext(1, .produce, librdkafkaCode: 10)  // MESSAGE_TOO_LARGE
        let log = LogCapture()
        try await EnricherService(
            configuration: mock.enricherConfiguration(exactlyOnce: exactlyOnce), logger: log.logger
        )
        .run()
        let (client, enriched, dlq, ids, admin) = (mock.client, mock.enriched, mock.deadLetters, mock.ids, mock.admin)

        let outputs = try await Self.readAll(enriched, client: client, isolation: .readCommitted)
        let deadLetters = try await Self.readAll(dlq, client: client, isolation: .readCommitted)
        await admin.close()
        let outputIDs = Set(outputs.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
        let deadLetterIDs = Set(deadLetters.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
        #expect(!deadLetters.isEmpty, "the refused outputs are dead-lettered")
        #expect(deadLetters.allSatisfy { $0.headers.string(for: "error-kind") == "output_rejected" })
        #expect(deadLetters.allSatisfy { $0.headers.string(for: "error-message")?.contains("too large") == true })
        #expect(outputIDs.union(deadLetterIDs) == ids, "every record has its output or its dead letter")
        let aborts = log.lines.filter { $0.contains("transaction aborted") }.count
        // One abort learns the refusal. The mock cluster then rejects the next transaction's
        // offsets once for the sequence gap the refused record left (OUT_OF_ORDER_SEQUENCE_NUMBER),
        // which a second abort clears; an endless loop would run until the time limit.
        #expect(
            aborts <= (exactlyOnce ? 2 : 0),
            "a refused record aborts at most one transaction: \(log.lines.joined(separator: "\n"))")
        print(
            "refused output (\(exactlyOnce ? "exactly once" : "at least once")): \(deadLetterIDs.count) of "
                + "\(ids.count) records dead-lettered as output_rejected, \(outputIDs.count) enriched, "
                + "\(aborts) transaction(s) aborted")
    }

    static func readAll(_ topic: String, client: KafkaClientConfiguration, isolation: IsolationLevel)
        async throws -> [ConsumedRecord]
    {
        var configuration = ConsumerConfiguration(client: client, groupID: "reader-\(UUID().uuidString)")
        configuration.isolationLevel = isolation
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: Logger(label: "mock"))
        try consumer.subscribe(topics: [topic])
        var tracker = IdleTracker(threshold: .milliseconds(500))
        var records: [ConsumedRecord] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline && !tracker.shouldExit(at: .now) {
            for event in try await consumer.poll(maximumRecords: 100, timeout: .milliseconds(100)) {
                tracker.observe(event, at: .now)
                if case .record(let record) = event { records.append(record) }
            }
        }
        await consumer.close()
        return records
    }
}

/// librdkafka's in-process mock cluster with the enricher's three topics, `records` raw
/// articles already on the raw topic, and the enricher's configuration for it.
struct MockEnricherSetup {
    let admin: KafkaAdmin
    let client: KafkaClientConfiguration
    let raw = "raw"
    let enriched = "enriched"
    let deadLetters = "dlq"
    /// The ids of the raw articles.
    let ids: Set<String>

    init(records: Int) async throws {
        admin = try KafkaAdmin(
            configuration: KafkaClientConfiguration(
                bootstrapServers: ["mock:0"], additional: ["test.mock.num.brokers": "1"]),
            logger: Logger(label: "mock"))
        let servers = try #require(admin.effectiveProperty("bootstrap.servers")).split(separator: ",").map(String.init)
        client = KafkaClientConfiguration(bootstrapServers: servers)
        for topic in [raw, enriched, deadLetters] { admin.createMockTopic(topic, partitions: 1) }

        let messages = FaultInjection.rawArticleMessages(records, topic: raw)
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: client), logger: Logger(label: "mock"))
        for message in messages { _ = try await producer.send(message) }
        await producer.close(timeout: .seconds(5))
        ids = Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
    }

    /// An enricher that exits once idle for 2 s.
    func enricherConfiguration(exactlyOnce: Bool) -> EnricherService.Configuration {
        var producerConfiguration = ProducerConfiguration(client: client)
        if exactlyOnce { producerConfiguration.transactionalID = "mock-\(UUID().uuidString)" }
        var consumerConfiguration = ConsumerConfiguration(client: client, groupID: "enricher-\(UUID().uuidString)")
        consumerConfiguration.sessionTimeout = .seconds(6)
        var configuration = EnricherService.Configuration(
            consumer: consumerConfiguration, producer: producerConfiguration)
        configuration.inputTopic = raw
        configuration.outputTopic = enriched
        configuration.deadLetterTopic = deadLetters
        configuration.exactlyOnce = exactlyOnce
        configuration.exitWhenIdle = .seconds(2)
        configuration.shutdown = ShutdownBudget(total: .seconds(10))
        return configuration
    }
}

/// A logger whose lines the test can read.
final class LogCapture: Sendable {
    private let captured = Mutex<[String]>([])

    var lines: [String] { captured.withLock { $0 } }

    var logger: Logger {
        Logger(label: "captured") { _ in Handler(capture: self) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.captured.withLock { $0.append("\(event.level) \(event.message)") }
        }
    }
}
