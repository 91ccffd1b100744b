import Foundation

/// The figures this pipeline reads from librdkafka's statistics (`statistics.interval.ms`),
/// copied out of its JSON each time a client emits them.
public struct KafkaStatistics: Sendable, Equatable {
    /// The client's name (`name`), such as `news-sink#consumer-1`.
    public var clientName: String
    /// `producer` or `consumer` (`type`).
    public var clientType: String
    /// Messages in the producer's queues waiting for delivery (`msg_cnt`); 0 for a consumer.
    public var queuedMessages: Int
    /// How far behind each partition's end this consumer is (`consumer_lag`: the high
    /// watermark, or the last stable offset under `read_committed`, minus the committed or
    /// stored offset). Only partitions this consumer fetches and whose lag librdkafka knows;
    /// empty for a producer.
    public var consumerLag: [TopicPartition: Int64]

    public init(clientName: String, clientType: String, queuedMessages: Int, consumerLag: [TopicPartition: Int64]) {
        self.clientName = clientName
        self.clientType = clientType
        self.queuedMessages = queuedMessages
        self.consumerLag = consumerLag
    }

    /// Reads librdkafka's statistics JSON; `nil` when it is not an object.
    ///
    /// librdkafka writes `-1` for a lag it does not know yet, lists a pseudo-partition `-1` for
    /// messages not yet assigned a partition, and keeps partitions it no longer fetches (revoked:
    /// `fetch_state` `none`, `stopping` or `stopped`) with their last figures: all are left out.
    init?(json: UnsafeRawBufferPointer) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return nil }
        clientName = object["name"] as? String ?? ""
        clientType = object["type"] as? String ?? ""
        queuedMessages = (object["msg_cnt"] as? NSNumber)?.intValue ?? 0
        consumerLag = [:]
        for case (let topic, let topicStatistics as [String: Any]) in object["topics"] as? [String: Any] ?? [:] {
            for case (let key, let partition as [String: Any]) in topicStatistics["partitions"] as? [String: Any] ?? [:]
            {
                let fetchState = partition["fetch_state"] as? String ?? "active"
                guard let number = Int32(key), number >= 0, !Self.notFetching.contains(fetchState),
                    let lag = (partition["consumer_lag"] as? NSNumber)?.int64Value, lag >= 0
                else { continue }
                consumerLag[TopicPartition(topic: topic, partition: number)] = lag
            }
        }
    }

    private static let notFetching: Set<String> = ["none", "stopping", "stopped"]
}
