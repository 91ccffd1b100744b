import ArticleCore
import Kafka

/// Builds dead-letter records: the original key and bytes, unchanged, the original headers, and
/// headers saying what went wrong, at which stage, where the record came from and how many
/// times it has been dead-lettered (`attempt`, carried through `newsctl dlq replay`).
enum DeadLetter {
    /// Where in the pipeline a record was rejected (`error-stage`).
    enum Stage: String, Sendable, CaseIterable {
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

    /// The `error-message` of a ``DeadLetterKind/tombstone`` dead letter, from any stage.
    static let tombstoneReason = "the record's value is null (a tombstone): there is no article in it"

    /// The longest `error-message` written, in UTF-8 bytes: a reason can quote the input (a
    /// date as given), and a foreign record must not make its dead letter too large to send.
    static let maximumReasonBytes = 1024

    /// The dead letter for a consumed record that could not be processed. A tombstone's dead
    /// letter is a tombstone too (null value), so that replaying it sends back the same record.
    static func message(
        for record: ConsumedRecord,
        kind: DeadLetterKind,
        reason: String,
        stage: Stage = .enrich,
        topic: String
    ) -> OutgoingMessage {
        // Another producer may have set the header to anything; only a count that can grow is one.
        let previousAttempts =
            record.headers.string(for: RecordHeaderKey.attempt).flatMap(Int.init).flatMap {
                (0..<Int.max).contains($0) ? $0 : nil
            } ?? 0
        return OutgoingMessage(
            topic: topic,
            key: record.key,
            value: record.isTombstone ? nil : record.value,
            headers: record.headers.filter { !headerKeys.contains($0.key) } + [
                KafkaHeader(key: RecordHeaderKey.errorKind, string: kind.rawValue),
                KafkaHeader(key: RecordHeaderKey.errorMessage, string: bounded(reason)),
                KafkaHeader(key: RecordHeaderKey.errorStage, string: stage.rawValue),
                KafkaHeader(key: RecordHeaderKey.sourceTopic, string: record.topic),
                KafkaHeader(key: RecordHeaderKey.sourcePartition, string: "\(record.partition)"),
                KafkaHeader(key: RecordHeaderKey.sourceOffset, string: "\(record.offset)"),
                KafkaHeader(key: RecordHeaderKey.attempt, string: "\(previousAttempts + 1)"),
            ])
    }

    private static func bounded(_ reason: String) -> String {
        guard reason.utf8.count > maximumReasonBytes else { return reason }
        var bytes = 0
        let end = reason.firstIndex { character in
            bytes += character.utf8.count
            return bytes > maximumReasonBytes - 3
        }
        return reason[..<(end ?? reason.endIndex)] + "..."
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
