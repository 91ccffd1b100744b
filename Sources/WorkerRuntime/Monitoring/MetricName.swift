/// The name of every metric the workers export, and of their labels, defined once so that
/// dashboards and alerts can rely on them. Prometheus conventions: a `news_` prefix, snake
/// case, `_total` on counters, base units (`_seconds`) in the name.
public enum MetricName {
    /// Counter, by `topic`: records consumed from the topic.
    public static let recordsIn = "news_records_in_total"
    /// Counter, by `topic`: outputs the broker acknowledged on the topic (the sink: lines
    /// written, by the topic they were read from).
    public static let recordsOut = "news_records_out_total"
    /// Counter, by `topic` (the dead-letter topic): dead letters the broker acknowledged.
    public static let recordsDeadLettered = "news_records_dead_lettered_total"
    /// Counter, by `topic`: records the broker refused for good on the topic (an output that
    /// then went to the dead-letter topic, or a dead letter that was dropped).
    public static let recordsFailed = "news_records_failed_total"
    /// Histogram: the CPU work for one record (parse and enrich, or decode in the sink).
    public static let processingDuration = "news_processing_duration_seconds"
    /// Histogram, sink only: from the record's produce timestamp to its line being written.
    public static let endToEndLatency = "news_end_to_end_latency_seconds"
    /// Gauge: records handed to the producer and not yet acknowledged.
    public static let recordsInFlight = "news_records_in_flight"
    /// Gauge, by `client`: messages in librdkafka's producer queue, from its statistics.
    public static let producerQueueMessages = "news_producer_queue_messages"
    /// Gauge, by `topic` and `partition`: messages between the consumer's position and the
    /// partition's end, from librdkafka's statistics.
    public static let consumerLag = "news_consumer_lag"
    /// Counter, by `event` (`assigned`, `revoked`): the consumer group's rebalances.
    public static let rebalances = "news_rebalances_total"
    /// Gauge: partitions this consumer holds.
    public static let assignedPartitions = "news_assigned_partitions"
    /// Gauge: 1 when the brokers answered the last check, 0 when they did not.
    public static let brokerReachable = "news_broker_reachable"
    /// Gauge, always 1, by `worker`, `version` and `librdkafka_version`.
    public static let buildInfo = "news_build_info"

    /// The label names.
    public enum Label {
        public static let topic = "topic"
        public static let partition = "partition"
        public static let event = "event"
        public static let client = "client"
        public static let worker = "worker"
        public static let version = "version"
        public static let librdkafkaVersion = "librdkafka_version"
    }
}
