import ArticleCore
import Kafka
import Logging
import WorkerRuntime

/// Publishes inputs: reads each, hands its articles to the producer through the shared
/// ``InFlightWindow`` without waiting for the broker, and logs and dead-letters each problem
/// with it (stage `produce`). ``Publication/outcome()`` waits for an input's deliveries.
struct InputPublisher: Sendable {
    /// What happened to one input, or to several added up.
    struct Outcome: Sendable, Equatable {
        var delivered = 0
        var failed = 0
        var problems = 0
        var deadLettered = 0
        /// Articles still unacknowledged when shutdown ran out of time: neither delivered nor
        /// failed, and published again by the next run.
        var abandoned = 0

        static func + (left: Outcome, right: Outcome) -> Outcome {
            Outcome(
                delivered: left.delivered + right.delivered, failed: left.failed + right.failed,
                problems: left.problems + right.problems, deadLettered: left.deadLettered + right.deadLettered,
                abandoned: left.abandoned + right.abandoned)
        }
    }

    /// One input's articles in flight, and what its problems already came to.
    struct Publication: Sendable {
        var deliveries: [PendingDelivery] = []
        var reported = Outcome()
        /// Articles that could not even be enqueued.
        var refused = 0

        /// Whether every delivery report of the input has arrived.
        var isSettled: Bool { deliveries.allSatisfy { $0.outcome != nil } }

        /// Waits for every delivery report of the input.
        func outcome() async -> Outcome {
            var outcome = reported
            outcome.failed += refused
            for delivery in deliveries {
                do {
                    _ = try await delivery.delivered()
                    outcome.delivered += 1
                } catch  where error.kind == .closed || error.kind == .cancelled {
                    outcome.abandoned += 1
                } catch {
                    outcome.failed += 1
                }
            }
            return outcome
        }
    }

    let producer: KafkaProducer
    let topic: String
    let deadLetterTopic: String
    let reader: ArticleInputReader
    let window: InFlightWindow
    let logger: Logger
    let metrics = FlowMetrics()

    /// Reads `input` and enqueues its articles, waiting only while the window is full.
    /// - Throws: `CancellationError` when the task is cancelled while it waits; what was
    ///   enqueued before is in the returned publication of earlier calls only.
    func publish(_ input: ArticleInput) async throws -> Publication {
        let result = reader.read(input)
        var publication = Publication(reported: await report(result.problems))
        for (article, value) in result.records {
            if let delivery = try await send(article, value: value) {
                publication.deliveries.append(delivery)
            } else {
                publication.refused += 1
            }
        }
        return publication
    }

    /// Logs each problem as one line and dead-letters those about a single input.
    func report(_ problems: [InputProblem]) async -> Outcome {
        var outcome = Outcome(problems: problems.count)
        for problem in problems {
            logger.error("\(problem)", metadata: [LogMetadataKey.errorKind: "\(problem.kind.name)"])
            guard let kind = problem.deadLetterKind else { continue }
            let deadLetter = DeadLetter.message(
                forInput: problem.source, bytes: problem.bytes, kind: kind, reason: problem.message,
                topic: deadLetterTopic)
            do {
                _ = try await producer.send(deadLetter)
                metrics.count(.deadLettered, topic: deadLetterTopic)
                outcome.deadLettered += 1
            } catch {
                logger.error("could not dead-letter \(problem.source): \(error)")
            }
        }
        return outcome
    }

    /// Enqueues one article; `nil` when librdkafka refused it at once. Its delivery is logged
    /// when it is known.
    private func send(_ article: RawArticle, value: [UInt8]) async throws -> PendingDelivery? {
        let message = OutgoingMessage(
            topic: topic,
            key: Array(article.id.rawValue.utf8),
            value: value,
            headers: [
                KafkaHeader(key: RecordHeaderKey.schemaVersion, string: "\(article.schemaVersion)"),
                KafkaHeader(key: RecordHeaderKey.contentType, string: "application/json"),
                KafkaHeader(key: RecordHeaderKey.source, string: article.source),
            ])
        let bytes = message.byteCount
        try await window.acquire(bytes: bytes)
        let metadata: Logger.Metadata = [
            LogMetadataKey.articleID: "\(article.id)", LogMetadataKey.source: "\(article.source)",
        ]
        let delivery: PendingDelivery
        do {
            delivery = try await producer.enqueue(message)
        } catch {
            window.release(bytes: bytes)
            if error.kind == .cancelled { throw CancellationError() }
            logger.error("not delivered: \(error)", metadata: metadata)
            metrics.count(.failed, topic: topic)
            return nil
        }
        delivery.whenDelivered { [logger, window, metrics, topic] outcome in
            window.release(bytes: bytes)
            switch outcome {
            case .success(let report):
                metrics.count(.published, topic: topic)
                logger.debug(
                    "delivered",
                    metadata: metadata.merging([
                        LogMetadataKey.partition: "\(report.partition)", LogMetadataKey.offset: "\(report.offset)",
                    ]) { $1 })
            case .failure(let error) where error.kind == .closed:
                // Abandoned at shutdown: counted and reported once, not once per article.
                break
            case .failure(let error):
                metrics.count(.failed, topic: topic)
                logger.error("not delivered: \(error)", metadata: metadata)
            }
        }
        return delivery
    }
}
