/// Settings of a ``KafkaConsumer``.
///
/// Every consumer stores offsets only through ``KafkaConsumer/storeOffset(for:)``
/// (`enable.auto.offset.store=false`), commits the stored offsets periodically
/// (`enable.auto.commit=true`), starts a partition without a committed offset at its beginning
/// (`auto.offset.reset=earliest`) and reports reaching the end of a partition
/// (`enable.partition.eof=true`); `client.additional` can still override them.
public struct ConsumerConfiguration: Sendable {
    /// Brokers, client id and pass-through properties.
    public var client: KafkaClientConfiguration
    /// The consumer group (librdkafka's `group.id`, no default).
    public var groupID: String
    /// How long the group waits for a silent member before rebalancing without it
    /// (librdkafka's `session.timeout.ms`, librdkafka default 45 s); 6 s by default.
    public var sessionTimeout: Duration = KafkaDefaults.Consumer.sessionTimeout
    /// Longest allowed gap between polls before the member leaves the group
    /// (librdkafka's `max.poll.interval.ms`, librdkafka default 300 s, which stalls group
    /// formation on the local broker); 10 s by default.
    public var maxPollInterval: Duration = KafkaDefaults.Consumer.maxPollInterval
    /// How often the member tells the group it is alive (librdkafka's `heartbeat.interval.ms`,
    /// librdkafka default 3 s); 1 s by default.
    public var heartbeatInterval: Duration = KafkaDefaults.Consumer.heartbeatInterval
    /// How often stored offsets are committed (librdkafka's `auto.commit.interval.ms`,
    /// librdkafka default 5 s); 1 s by default.
    public var autoCommitInterval: Duration = KafkaDefaults.Consumer.autoCommitInterval
    /// How long the fetcher waits before fetching again for a partition whose queue had data
    /// (librdkafka's `fetch.queue.backoff.ms`, librdkafka default 1000 ms); 50 ms by default.
    /// Only sent to librdkafka 2.1 and newer, which introduced the property.
    public var fetchQueueBackoff: Duration = KafkaDefaults.Consumer.fetchQueueBackoff
    /// How long the broker may hold a fetch that found no new record (librdkafka's
    /// `fetch.wait.max.ms`, librdkafka default 500 ms); 50 ms by default, which bounds the
    /// latency each consumer adds at a cost of more fetches while a partition is idle.
    public var fetchWaitMaximum: Duration = KafkaDefaults.Consumer.fetchWaitMaximum
    /// Which transactional records to read (librdkafka's `isolation.level`, librdkafka default
    /// `read_committed`); ``IsolationLevel/readCommitted`` by default.
    public var isolationLevel: IsolationLevel = KafkaDefaults.Consumer.isolationLevel
    /// How many bytes of fetched records librdkafka keeps queued ahead of the application
    /// (librdkafka's `queued.max.messages.kbytes`, librdkafka default 64 MiB); 16 MiB by default,
    /// which bounds a worker's memory without starving it.
    public var maximumPrefetchBytes: Int = KafkaDefaults.Consumer.maximumPrefetchBytes

    /// Creates consumer settings with the defaults above.
    public init(client: KafkaClientConfiguration, groupID: String) {
        self.client = client
        self.groupID = groupID
    }

    /// Every librdkafka property this configuration sets for the loaded librdkafka, defaults
    /// first then `client.additional`.
    public func properties() -> [String: String] {
        properties(runtimeVersion: LibrdkafkaRuntime.version)
    }

    /// The properties for a librdkafka of version `runtimeVersion` (`0xMMmmrrxx`).
    func properties(runtimeVersion: Int) -> [String: String] {
        var properties = client.baseProperties
        properties["group.id"] = groupID
        properties["session.timeout.ms"] = String(sessionTimeout.wholeMilliseconds)
        properties["max.poll.interval.ms"] = String(maxPollInterval.wholeMilliseconds)
        properties["heartbeat.interval.ms"] = String(heartbeatInterval.wholeMilliseconds)
        properties["auto.commit.interval.ms"] = String(autoCommitInterval.wholeMilliseconds)
        if runtimeVersion >= KafkaDefaults.Consumer.fetchQueueBackoffMinimumVersion {
            properties["fetch.queue.backoff.ms"] = String(fetchQueueBackoff.wholeMilliseconds)
        }
        properties["fetch.wait.max.ms"] = String(fetchWaitMaximum.wholeMilliseconds)
        properties["isolation.level"] = isolationLevel.rawValue
        properties["queued.max.messages.kbytes"] = String(max(1, maximumPrefetchBytes / 1024))
        properties.merge(KafkaDefaults.Consumer.fixedProperties) { _, fixed in fixed }
        return properties.merging(client.additional) { _, additional in additional }
    }
}
