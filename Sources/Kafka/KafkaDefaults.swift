/// Every default this module chooses, in one place. The configuration types start from these.
@usableFromInline
enum KafkaDefaults {
    @usableFromInline
    static let clientID = "news-pipeline"

    enum Producer {
        static let compression = "lz4"
        static let linger: Duration = .milliseconds(5)
        static let deliveryTimeout: Duration = .seconds(120)
        /// Articles up to the enricher's 2 MB text limit, and a little over it, must reach the
        /// enricher to be refused there with a reason; librdkafka's 1 MB default would fail them
        /// at the producer instead.
        static let maximumMessageBytes = 16 * 1024 * 1024
        static let transactionTimeout: Duration = .seconds(30)
        /// Set on every producer: the pipeline's delivery guarantees depend on them.
        static let fixedProperties: [String: String] = [
            "enable.idempotence": "true",
            "acks": "all",
        ]
    }

    enum Consumer {
        // Short group timeouts let a group of several processes form within seconds on the
        // local broker; librdkafka's 300 s max.poll.interval.ms stalled joins for minutes there.
        static let sessionTimeout: Duration = .seconds(6)
        static let maxPollInterval: Duration = .seconds(10)
        static let heartbeatInterval: Duration = .seconds(1)
        static let autoCommitInterval: Duration = .seconds(1)
        // librdkafka's 1000 ms backoff cut small-message throughput about fourfold here.
        static let fetchQueueBackoff: Duration = .milliseconds(50)
        // librdkafka's 500 ms: the local broker holds a fetch for the whole wait when a
        // partition has no new record, which put 350 ms into every hop's median latency.
        static let fetchWaitMaximum: Duration = .milliseconds(50)
        static let isolationLevel: IsolationLevel = .readCommitted
        // librdkafka prefetches up to 64 MB by default; a worker keeps its own window of records
        // in flight beside it, and 16 MB still keeps a worker's fetches ahead of its processing.
        static let maximumPrefetchBytes = 16 * 1024 * 1024
        /// `fetch.queue.backoff.ms` first appeared in librdkafka 2.1.0; older runtimes reject it.
        static let fetchQueueBackoffMinimumVersion = 0x0201_0000
        /// Set on every consumer: offsets are stored only by `storeOffset(for:)` and the stored
        /// ones are committed periodically, on revoke and on close.
        static let fixedProperties: [String: String] = [
            "enable.auto.offset.store": "false",
            "enable.auto.commit": "true",
            "auto.offset.reset": "earliest",
            "enable.partition.eof": "true",
        ]
    }
}
