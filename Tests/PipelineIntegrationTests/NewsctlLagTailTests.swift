import Foundation
import Kafka
import Logging
import Testing

extension BrokerTests {
    @Suite("newsctl lag, tail and topics --group", .timeLimit(.minutes(5)))
    struct NewsctlLagTailTests {
        let brokers: String
        let topic = TestEnvironment.uniqueName("ops")
        let group = TestEnvironment.uniqueName("ops-group")
        let client: KafkaClientConfiguration

        init() throws {
            brokers = try TestEnvironment.requireBrokers()
            client = KafkaClientConfiguration(bootstrapServers: [brokers])
        }

        @Test func lagIsExactPerPartitionBeforeAndAfterTheGroupConsumes() async throws {
            let produced = try await produce(count: 7)
            let counts = Dictionary(grouping: produced, by: \.partition).mapValues { Int64($0.count) }
            let firstPartition = try #require(counts.keys.min())

            // The group commits one record of one partition, and nothing anywhere else.
            let consumer = try await joinedConsumer()
            try consumer.storeOffset(1, for: TopicPartition(topic: topic, partition: firstPartition))
            try await consumer.commit()

            let before = try await lagJSON(["--group", group, "--topic", topic])
            #expect(before.count == 1)
            let beforeLag = try #require(before.first)
            #expect(beforeLag["group"] as? String == group)
            #expect(beforeLag["topic"] as? String == topic)
            let beforeRows = try partitionRows(beforeLag)
            #expect(beforeRows.count == 3)
            for (partition, row) in beforeRows {
                let end = counts[partition] ?? 0
                let committed: Int64? = partition == firstPartition ? 1 : nil
                #expect(row.committed == committed, "partition \(partition)")
                #expect(row.end == end, "partition \(partition)")
                #expect(row.lag == end - (committed ?? 0), "partition \(partition)")
            }
            #expect(beforeLag["total_lag"] as? Int == 6)

            let table = try await ExecutableRun.run(
                "newsctl", ["lag", "--group", group, "--topic", topic, "--brokers", brokers], timeout: .seconds(60))
            #expect(table.status == 0, "\(table.standardError)")
            let rows = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(rows.first == ["GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG"])
            #expect(rows.last == [group, topic, "total", "6"], "\(table.standardOutput)")
            #expect(
                rows.contains([
                    group, topic, String(firstPartition), "1", String(counts[firstPartition]!),
                    String(counts[firstPartition]! - 1),
                ]))

            // Now the group reads and commits everything.
            var consumed = 1
            while consumed < produced.count {
                guard case .record(let record)? = try await consumer.poll(timeout: .seconds(1)) else { continue }
                if record.partition == firstPartition && record.offset == 0 { continue }
                try consumer.storeOffset(for: record)
                consumed += 1
            }
            try await consumer.commit()
            await consumer.close()

            // Without --topic: every topic the group committed in.
            let after = try await lagJSON(["--group", group])
            #expect(after.map { $0["topic"] as? String } == [topic])
            let afterLag = try #require(after.first)
            for (partition, row) in try partitionRows(afterLag) {
                #expect(row.committed == counts[partition], "partition \(partition)")
                #expect(row.end == counts[partition] ?? 0, "partition \(partition)")
                #expect(row.lag == 0, "partition \(partition)")
            }
            #expect(afterLag["total_lag"] as? Int == 0)

            let described = try await ExecutableRun.run(
                "newsctl", ["topics", "--group", group, "--brokers", brokers], timeout: .seconds(60))
            #expect(described.status == 0, "\(described.standardError)")
            let lines = described.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("group \(group): state ") == true, "\(described.standardOutput)")
            #expect(lines.last?.split(separator: " ").map(String.init) == [group, topic, "total", "0"])
            #expect(
                lines.contains {
                    $0.split(separator: " ").map(String.init)
                        == [
                            group, topic, String(firstPartition), String(counts[firstPartition]!),
                            String(counts[firstPartition]!), "0",
                        ]
                }, "\(described.standardOutput)")
        }

        @Test func tailPrintsEveryRecordOnceThenExitsAndCommitsNothing() async throws {
            let produced = try await produce(count: 9)
            let values = produced.map(\.value)

            let all = try await ExecutableRun.run(
                "newsctl", ["tail", "--topic", topic, "--from-beginning", "--brokers", brokers], timeout: .seconds(60))
            #expect(all.status == 0, "\(all.standardError)")
            let lines = all.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.last == "", "output does not end with a newline")
            #expect(lines.dropLast().sorted() == values.sorted())
            // Within a partition, the order it was produced in.
            for partition in Set(produced.map(\.partition)) {
                let inPartition = produced.filter { $0.partition == partition }.map(\.value)
                #expect(lines.filter { inPartition.contains($0) } == inPartition)
            }

            let limited = try await ExecutableRun.run(
                "newsctl", ["tail", "--topic", topic, "--from-beginning", "--max", "3", "--brokers", brokers],
                timeout: .seconds(60))
            #expect(limited.status == 0, "\(limited.standardError)")
            let limitedLines = limited.standardOutput.split(separator: "\n").map(String.init)
            #expect(limitedLines.count == 3)
            #expect(Set(limitedLines).isSubset(of: Set(values)))

            let fromEnd = try await ExecutableRun.run(
                "newsctl", ["tail", "--topic", topic, "--brokers", brokers], timeout: .seconds(60))
            #expect(fromEnd.status == 0, "\(fromEnd.standardError)")
            #expect(fromEnd.standardOutput.isEmpty)

            // From the end with --follow: only records sent after it started, and --max ends it.
            let following = try ExecutableRun(
                "newsctl", ["tail", "--topic", topic, "--follow", "--max", "1", "--brokers", brokers])
            var later: [String] = []
            let deadline = ContinuousClock.now + .seconds(60)
            while following.child.isRunning && ContinuousClock.now < deadline {
                later += try await send(["later \(later.count)"]).map(\.value)
                try await Task.sleep(for: .milliseconds(300))
            }
            let followed = await following.wait(timeout: .seconds(10))
            #expect(followed.status == 0, "\(followed.standardError)")
            let followedLines = followed.standardOutput.split(separator: "\n").map(String.init)
            #expect(followedLines.count == 1)
            #expect(followedLines.allSatisfy { later.contains($0) }, "\(followed.standardOutput)")

            let admin = try KafkaAdmin(configuration: client, logger: Self.quietLogger)
            let groups = try await admin.consumerGroupIDs(timeout: .seconds(15))
            await admin.close()
            #expect(!groups.contains { $0.hasPrefix("newsctl-tail") }, "\(groups)")
        }

        /// `--follow` never ends by itself, so only the closed pipe can end it; 5,000 records
        /// are far more than a pipe buffer holds, so a write after `head` has gone is certain.
        @Test func tailIntoHeadEndsQuietlyWithStatusZero() async throws {
            let produced = try await produce(count: 5_000)
            let newsctl = ExecutableRun.buildDirectory.appendingPathComponent("newsctl").path
            let result = try await ExecutableRun.run(
                "/bin/bash",
                [
                    "-c",
                    "\"$0\" tail --topic \"$1\" --from-beginning --follow --brokers \"$2\" | head -1; echo \"${PIPESTATUS[0]}\" >&2",
                    newsctl, topic, brokers,
                ], timeout: .seconds(90))
            #expect(result.status == 0)
            #expect(
                result.standardError == "0\n", "newsctl tail's status and output on stderr: \(result.standardError)")
            let line = result.standardOutput.trimmingCharacters(in: .newlines)
            #expect(produced.contains { $0.value == line }, "\(result.standardOutput)")
        }

        /// One record, so after `head` has read it there is nothing left to write: the closed
        /// pipe must be noticed without a write.
        @Test func followIntoHeadEndsSoonWhenNothingMoreArrives() async throws {
            let produced = try await produce(count: 1)
            let newsctl = ExecutableRun.buildDirectory.appendingPathComponent("newsctl").path
            let started = ContinuousClock.now
            let result = try await ExecutableRun.run(
                "/bin/bash",
                [
                    "-c",
                    "\"$0\" tail --topic \"$1\" --from-beginning --follow --brokers \"$2\" | head -1; "
                        + "echo \"${PIPESTATUS[0]}\" >&2",
                    newsctl, topic, brokers,
                ], timeout: .seconds(60))
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(
                result.standardError == "0\n", "newsctl tail's status and output on stderr: \(result.standardError)")
            #expect(result.standardOutput == produced[0].value + "\n")
        }

        @Test func unknownGroupUnknownTopicAndUnreachableBrokerEachGiveOneErrorLine() async throws {
            _ = try await produce(count: 1)
            let unreachable = "127.0.0.1:\(try LoopbackPort.free())"
            let cases: [(arguments: [String], message: String)] = [
                (
                    ["lag", "--group", group, "--topic", topic, "--brokers", brokers],
                    "newsctl lag: consumer group \(group) not found"
                ),
                (
                    ["topics", "--group", group, "--brokers", brokers],
                    "newsctl topics: consumer group \(group) not found"
                ),
                (["lag", "--group", group, "--topic", "\(topic)-missing", "--brokers", brokers], "does not exist"),
                (
                    ["tail", "--topic", "\(topic)-missing", "--brokers", brokers],
                    "newsctl tail: topic \(topic)-missing does not exist"
                ),
                (["lag", "--timeout", "3", "--brokers", unreachable], "unreachable"),
                (["tail", "--timeout", "3", "--brokers", unreachable], "unreachable"),
            ]
            for (arguments, message) in cases {
                let result = try await ExecutableRun.run("newsctl", arguments, timeout: .seconds(60))
                #expect(result.status == 2, "\(arguments): \(result.standardError)")
                let errorLines = result.standardError.split(separator: "\n")
                #expect(errorLines.count == 1, "\(arguments): \(result.standardError)")
                #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
                #expect(result.standardOutput.isEmpty, "\(arguments): \(result.standardOutput)")
            }
        }

        // MARK: - Helpers

        struct Produced {
            var partition: Int32
            var value: String
        }

        static let quietLogger: Logger = {
            var logger = Logger(label: "newsctl-tests")
            logger.logLevel = .critical
            return logger
        }()

        /// Creates the topic with 3 partitions and sends `count` keyed one-line JSON records;
        /// the broker's delivery reports say where each went.
        private func produce(count: Int) async throws -> [Produced] {
            let admin = try KafkaAdmin(configuration: client, logger: Self.quietLogger)
            _ = try await admin.createTopics([TopicSpecification(name: topic, partitions: 3)], timeout: .seconds(30))
            await admin.close()
            return try await send((0..<count).map { "tin số \($0)" })
        }

        /// Sends one keyed one-line JSON record per text to the existing topic.
        private func send(_ texts: [String]) async throws -> [Produced] {
            let producer = try KafkaProducer(
                configuration: ProducerConfiguration(client: client), logger: Self.quietLogger)
            var pending: [(String, PendingDelivery)] = []
            for (index, text) in texts.enumerated() {
                let value = #"{"n":\#(index),"text":"\#(text)"}"#
                let message = OutgoingMessage(topic: topic, key: Array(text.utf8), value: Array(value.utf8))
                pending.append((value, try await producer.enqueue(message)))
            }
            var produced: [Produced] = []
            for (value, delivery) in pending {
                produced.append(Produced(partition: try await delivery.delivered().partition, value: value))
            }
            await producer.close(timeout: .seconds(10))
            return produced
        }

        /// A member of `group` holding every partition of the topic.
        private func joinedConsumer() async throws -> KafkaConsumer {
            let consumer = try KafkaConsumer(
                configuration: ConsumerConfiguration(client: client, groupID: group), logger: Self.quietLogger)
            try consumer.subscribe(topics: [topic])
            let deadline = ContinuousClock.now + .seconds(60)
            while consumer.assignment().count < 3 {
                try #require(ContinuousClock.now < deadline, "the group did not form within 60 s")
                if case .record? = try await consumer.poll(timeout: .milliseconds(200)) {
                    Issue.record("a record arrived before the assignment was complete")
                }
            }
            return consumer
        }

        private func lagJSON(_ arguments: [String]) async throws -> [[String: Any]] {
            let result = try await ExecutableRun.run(
                "newsctl", ["lag", "--json", "--brokers", brokers] + arguments, timeout: .seconds(60))
            #expect(result.status == 0, "\(result.standardError)")
            return try #require(
                try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]],
                "\(result.standardOutput)")
        }

        private func partitionRows(_ lag: [String: Any]) throws -> [Int32: (committed: Int64?, end: Int64, lag: Int64)]
        {
            let partitions = try #require(lag["partitions"] as? [[String: Any]])
            var rows: [Int32: (committed: Int64?, end: Int64, lag: Int64)] = [:]
            for partition in partitions {
                let number = Int32(try #require(partition["partition"] as? Int))
                #expect(partition.keys.contains("committed"), "committed must be present, null when none")
                rows[number] = (
                    (partition["committed"] as? Int).map(Int64.init), Int64(try #require(partition["end"] as? Int)),
                    Int64(try #require(partition["lag"] as? Int))
                )
            }
            return rows
        }
    }
}
