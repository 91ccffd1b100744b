import Foundation
import Testing

@testable import Kafka
@testable import Pipeline

/// `--exactly-once` on the mock cluster: a transactional producer that fails for good (here the
/// broker answers the first EndTxn with TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which librdkafka
/// makes fatal) is replaced, and the enricher goes on to give every record its output.
@Suite("A failed transactional producer is replaced", .timeLimit(.minutes(2)))
struct ProducerReplacementTests {
    @Test func aFatalCommitErrorReplacesTheProducerAndEveryRecordStillGetsItsOutput() async throws {
        let mock = try await MockEnricherSetup(records: 20)
        mock.admin.failNext(1, .endTransaction, librdkafkaCode: 53)  // TRANSACTIONAL_ID_AUTHORIZATION_FAILED
        let log = LogCapture()
        try await EnricherService(configuration: mock.enricherConfiguration(exactlyOnce: true), logger: log.logger)
            .run()

        let outputs = try await RefusedOutputTests.readAll(
            mock.enriched, client: mock.client, isolation: .readCommitted)
        await mock.admin.close()
        let outputIDs = Set(outputs.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
        let replacements = log.lines.filter { $0.contains(TransactionalPublisher.producerReplacementMessage) }
        #expect(replacements.count == 1, "one replacement: \(log.lines.joined(separator: "\n"))")
        #expect(replacements.first?.contains("error") == true, "logged as an error: \(replacements)")
        #expect(outputIDs == mock.ids, "every record has its output")
        print("producer replacement: \(replacements.count) replaced; \(outputIDs.count) of \(mock.ids.count) enriched")
    }
}
