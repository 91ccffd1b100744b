import ArticleCore
import Kafka
import Logging
import WorkerRuntime

/// Publishes one input: reads it, sends its articles (a bounded number at a time) and waits for
/// every delivery report, and logs and dead-letters each problem with it (stage `produce`).
struct InputPublisher: Sendable {
    /// What happened to one input, or to several added up.
    struct Outcome: Sendable, Equatable {
        var delivered = 0
        var failed = 0
        var problems = 0
        var deadLettered = 0

        static func + (left: Outcome, right: Outcome) -> Outcome {
            Outcome(
                delivered: left.delivered + right.delivered, failed: left.failed + right.failed,
                problems: left.problems + right.problems, deadLettered: left.deadLettered + right.deadLettered)
        }
    }

    let producer: KafkaProducer
    let topic: String
    let deadLetterTopic: String
    let reader: ArticleInputReader
    /// Sends of one input awaiting their delivery reports at once.
    let maximumInFlight: Int
    let logger: Logger

    func publish(_ input: ArticleInput) async -> Outcome {
        let result = reader.read(input)
        var outcome = await report(result.problems)
        for start in stride(from: 0, to: result.articles.count, by: maximumInFlight) {
            let chunk = result.articles[start..<min(start + maximumInFlight, result.articles.count)]
            let delivered = await withTaskGroup(of: Bool.self) { group in
                for article in chunk {
                    group.addTask { await send(article) }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            outcome.delivered += delivered
            outcome.failed += chunk.count - delivered
        }
        return outcome
    }

    /// Logs each problem as one line and dead-letters those about a single input.
    func report(_ problems: [InputProblem]) async -> Outcome {
        var outcome = Outcome(problems: problems.count)
        for problem in problems {
            logger.error("\(problem)", metadata: [LogMetadataKey.errorKind: "\(problem.kind.rawValue)"])
            guard problem.isDeadLettered else { continue }
            let deadLetter = DeadLetter.message(
                forInput: problem.source, bytes: problem.bytes, kind: problem.kind.rawValue, reason: problem.message,
                topic: deadLetterTopic)
            do {
                _ = try await producer.send(deadLetter)
                outcome.deadLettered += 1
            } catch {
                logger.error("could not dead-letter \(problem.source): \(error)")
            }
        }
        return outcome
    }

    /// Sends one article and waits for its delivery report; false when it was not delivered.
    func send(_ article: RawArticle) async -> Bool {
        let message = OutgoingMessage(
            topic: topic,
            key: Array(article.id.rawValue.utf8),
            value: article.jsonBytes(),
            headers: [
                KafkaHeader(key: RecordHeaderKey.schemaVersion, string: "\(article.schemaVersion)"),
                KafkaHeader(key: RecordHeaderKey.contentType, string: "application/json"),
                KafkaHeader(key: RecordHeaderKey.source, string: article.source),
            ])
        do {
            let report = try await producer.send(message)
            logger.debug(
                "delivered",
                metadata: [
                    LogMetadataKey.articleID: "\(article.id)", LogMetadataKey.source: "\(article.source)",
                    LogMetadataKey.partition: "\(report.partition)", LogMetadataKey.offset: "\(report.offset)",
                ])
            return true
        } catch {
            logger.error(
                "not delivered: \(error)",
                metadata: [LogMetadataKey.articleID: "\(article.id)", LogMetadataKey.source: "\(article.source)"])
            return false
        }
    }
}
