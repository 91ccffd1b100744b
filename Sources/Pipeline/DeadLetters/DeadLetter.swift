import ArticleCore
import Kafka

/// Builds dead-letter records: the original key and bytes, unchanged, the original headers, and
/// headers saying what went wrong, at which stage, where the record came from and how many
/// times it has been dead-lettered (`attempt`, carried through `newsctl dlq replay`).
enum DeadLetter {
    /// Where in the pipeline a record was rejected (`error-stage`).
    enum Stage: String, Sendable {
        case produce
        case enrich
        case sink
    }

    /// The headers a dead letter adds; a replayed record loses them again, except `attempt`.
    static let headerKeys: Set<String> = [
        RecordHeaderKey.errorKind, RecordHeaderKey.errorMessage, RecordHeaderKey.errorStage,
        RecordHeaderKey.sourceTopic, RecordHeaderKey.sourcePartition, RecordHeaderKey.sourceOffset,
        RecordHeaderKey.attempt,
    ]

    /// The dead letter for a consumed record that could not be processed.
    static func message(
        for record: ConsumedRecord,
        kind: DeadLetterKind,
        reason: String,
        stage: Stage = .enrich,
        topic: String
    ) -> OutgoingMessage {
        let previousAttempts = record.headers.string(for: RecordHeaderKey.attempt).flatMap(Int.init) ?? 0
        return OutgoingMessage(
            topic: topic,
            key: record.key,
            value: record.value,
            headers: record.headers.filter { !headerKeys.contains($0.key) } + [
                KafkaHeader(key: RecordHeaderKey.errorKind, string: kind.rawValue),
                KafkaHeader(key: RecordHeaderKey.errorMessage, string: reason),
                KafkaHeader(key: RecordHeaderKey.errorStage, string: stage.rawValue),
                KafkaHeader(key: RecordHeaderKey.sourceTopic, string: record.topic),
                KafkaHeader(key: RecordHeaderKey.sourcePartition, string: "\(record.partition)"),
                KafkaHeader(key: RecordHeaderKey.sourceOffset, string: "\(record.offset)"),
                KafkaHeader(key: RecordHeaderKey.attempt, string: "\(previousAttempts + 1)"),
            ])
    }

    /// The dead letter for an input the producer rejected before it became a record: `bytes`
    /// when they could be read and fit a record, else none; the `source` header names the input.
    static func message(forInput source: String, bytes: [UInt8], kind: DeadLetterKind, reason: String, topic: String)
        -> OutgoingMessage
    {
        OutgoingMessage(
            topic: topic,
            key: nil,
            value: bytes,
            headers: [
                KafkaHeader(key: RecordHeaderKey.source, string: source),
                KafkaHeader(key: RecordHeaderKey.errorKind, string: kind.rawValue),
                KafkaHeader(key: RecordHeaderKey.errorMessage, string: reason),
                KafkaHeader(key: RecordHeaderKey.errorStage, string: Stage.produce.rawValue),
                KafkaHeader(key: RecordHeaderKey.attempt, string: "1"),
            ])
    }
}
