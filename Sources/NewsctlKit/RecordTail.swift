import Foundation
import Kafka
import Logging
import WorkerRuntime

/// Copies a topic's records to a ``LineWriter``, one record value a line: what `newsctl tail`
/// does. It reads only committed records (`read_committed`) and partitions assigned directly,
/// so it joins no consumer group and commits nothing.
public struct RecordTail: Sendable {
    /// What to read.
    public struct Options: Sendable {
        /// The topic to read.
        public var topic: String
        /// Start at each partition's first record rather than its end.
        public var fromBeginning: Bool
        /// Keep waiting for new records instead of stopping at the end of every partition.
        public var follow: Bool
        /// Stop after this many records.
        public var maximumRecords: Int?

        /// Creates options.
        public init(topic: String, fromBeginning: Bool, follow: Bool, maximumRecords: Int?) {
            self.topic = topic
            self.fromBeginning = fromBeginning
            self.follow = follow
            self.maximumRecords = maximumRecords
        }
    }

    /// Why the tail stopped and what it wrote.
    public struct Summary: Sendable, Equatable {
        /// Records written.
        public var written: Int
        /// Records left out because their value is not one line of UTF-8 text.
        public var skipped: Int
        /// Whether the reader of the output went away (a closed pipe).
        public var readerGone: Bool
    }

    /// The topic does not exist.
    public struct UnknownTopic: Error, CustomStringConvertible {
        /// The topic asked for.
        public var topic: String

        public var description: String { "topic \(topic) does not exist" }
    }

    /// How many records one poll may return, so a busy topic is written in large blocks.
    private static let batchSize = 500
    private static let pollTimeout: Duration = .milliseconds(200)

    private let client: KafkaClientConfiguration
    private let logger: Logger
    private let timeout: Duration

    /// Creates a tail on the brokers of `client`, waiting up to `timeout` for the topic's metadata.
    /// Its Kafka clients log through ``Logging/Logger/forOneShotKafkaClients``.
    public init(client: KafkaClientConfiguration, logger: Logger, timeout: Duration) {
        self.client = client
        self.logger = logger
        self.timeout = timeout
    }

    /// Reads until the end of every partition (or forever with `follow`), `maximumRecords`
    /// records, or until the output's reader goes away.
    ///
    /// - Throws: ``UnknownTopic``, ``KafkaError`` (an unreachable broker), or the writer's error.
    public func run(_ options: Options, into output: inout LineWriter) async throws -> Summary {
        let admin = try KafkaAdmin(configuration: client, logger: logger.forOneShotKafkaClients)
        let topics = try await admin.listTopics(timeout: timeout)
        await admin.close()
        guard let description = topics.first(where: { $0.name == options.topic }) else {
            throw UnknownTopic(topic: options.topic)
        }
        let partitions = (0..<description.partitions).map { TopicPartition(topic: options.topic, partition: $0) }
        var starts: [TopicPartition: KafkaConsumer.StartPosition] = [:]
        if options.fromBeginning {
            for partition in partitions { starts[partition] = .beginning }
        } else {
            let reader = KafkaOffsetReader(configuration: client, logger: logger.forOneShotKafkaClients)
            for (partition, bounds) in try await reader.partitionOffsets(of: options.topic, timeout: timeout) {
                starts[partition] = .offset(bounds.end)
            }
            await reader.close()
        }

        // The group id is never joined (the partitions are assigned) and, with no offset ever
        // stored, nothing is committed under it.
        var configuration = ConsumerConfiguration(client: client, groupID: "newsctl-tail-\(UUID().uuidString)")
        configuration.isolationLevel = .readCommitted
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger.forOneShotKafkaClients)
        var summary = Summary(written: 0, skipped: 0, readerGone: false)
        do {
            try await consumer.assign(starts)
            summary = try await copy(from: consumer, partitions: Set(starts.keys), options, into: &output)
        } catch {
            await consumer.close(timeout: .seconds(5))
            throw error
        }
        await consumer.close(timeout: .seconds(5))
        return summary
    }

    private func copy(
        from consumer: KafkaConsumer, partitions: Set<TopicPartition>, _ options: Options,
        into output: inout LineWriter
    ) async throws -> Summary {
        var summary = Summary(written: 0, skipped: 0, readerGone: false)
        var atEnd: Set<TopicPartition> = []
        let limit = options.maximumRecords ?? .max
        while summary.written < limit {
            let events = try await consumer.poll(maximumRecords: Self.batchSize, timeout: Self.pollTimeout)
            for event in events {
                switch event {
                case .record(let record) where summary.written < limit:
                    if Self.isOneLineOfText(record.value) {
                        output.append(line: record.value)
                        summary.written += 1
                    } else {
                        summary.skipped += 1
                        logger.warning(
                            "record skipped: its value is not one line of UTF-8 text",
                            metadata: [
                                LogMetadataKey.topic: "\(record.topic)",
                                LogMetadataKey.partition: "\(record.partition)",
                                LogMetadataKey.offset: "\(record.offset)",
                            ])
                    }
                case .endOfPartition(let partition, _):
                    atEnd.insert(partition)
                case .record, .assigned, .revoked:
                    continue
                }
            }
            guard try output.flush() else {
                summary.readerGone = true
                return summary
            }
            if !options.follow && atEnd.isSuperset(of: partitions) { break }
        }
        return summary
    }

    private static func isOneLineOfText(_ value: [UInt8]) -> Bool {
        !value.contains(UInt8(ascii: "\n")) && !value.contains(UInt8(ascii: "\r"))
            && String(validating: value, as: UTF8.self) != nil
    }
}
