import ArticleCore
import Kafka

/// Builds the dead-letter record for an input that could not be processed: the original key and
/// bytes, unchanged, and headers saying what went wrong and where the record came from.
enum DeadLetter {
    static let enrichStage = "enrich"

    static func message(
        for record: ConsumedRecord,
        kind: String,
        reason: String,
        stage: String = enrichStage,
        topic: String
    ) -> OutgoingMessage {
        OutgoingMessage(
            topic: topic,
            key: record.key,
            value: record.value,
            headers: record.headers + [
                KafkaHeader(key: RecordHeaderKey.errorKind, string: kind),
                KafkaHeader(key: RecordHeaderKey.errorMessage, string: reason),
                KafkaHeader(key: RecordHeaderKey.errorStage, string: stage),
                KafkaHeader(key: RecordHeaderKey.sourceTopic, string: record.topic),
                KafkaHeader(key: RecordHeaderKey.sourcePartition, string: "\(record.partition)"),
                KafkaHeader(key: RecordHeaderKey.sourceOffset, string: "\(record.offset)"),
                KafkaHeader(key: RecordHeaderKey.attempt, string: "1"),
            ])
    }
}
