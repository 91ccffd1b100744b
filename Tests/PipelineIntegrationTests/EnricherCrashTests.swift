import Foundation
import Testing

extension BrokerTests {
    @Suite("Enricher crashes", .timeLimit(.minutes(6)))
    struct EnricherCrashTests {
        /// Scenario 1: kill -9 one of two enrichers while articles flow, then restart it. The
        /// sink's output has every id exactly once in both modes; at least once, the enriched
        /// topic has every id at least once and the sink removes the duplicates.
        @Test(arguments: [false, true])
        func enricherKilledMidStreamAndRestartedLosesNothing(exactlyOnce: Bool) async throws {
            let mode = exactlyOnce ? "exactly-once" : "at-least-once"
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.enrichedTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let messages = FaultInjection.rawArticleMessages(FaultInjection.scaled(5000), topic: pipeline.rawTopic)
            let ids = Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
            let started = ContinuousClock.now

            func enricher(_ name: String) throws -> ExecutableRun {
                let transactional =
                    exactlyOnce ? ["--exactly-once", "--transactional-id", "\(pipeline.enricherGroup)-\(name)"] : []
                return try ExecutableRun(
                    "news-enricher",
                    pipeline.enricherArguments(exitWhenIdle: 5) + transactional + ["--log-level", "info"])
            }
            let survivor = try enricher("a")
            let victim = try enricher("b")
            try await EnricherGroup.waitForAssignments([survivor, victim], topic: pipeline.rawTopic)

            // Published over about ten seconds, so that the kill lands mid-stream however fast
            // the enrichers are.
            let publishing = Task {
                try await FaultInjection.publish(
                    messages, brokers: pipeline.brokers, batch: 250, pause: .milliseconds(500))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 2000...5000)))
            victim.child.send(SIGKILL)
            #expect(await victim.wait(timeout: .seconds(10)).status == -9)
            let killedAfter = ContinuousClock.now - started
            // What the group had committed when the victim died; only the survivor moves it now.
            let committedAtKill = try await FaultInjection.committedOffsets(
                group: pipeline.enricherGroup, topic: pipeline.rawTopic, brokers: pipeline.brokers)
            let committedCount = committedAtKill.values.reduce(0, +)
            let published = try await publishing.value
            #expect(committedCount < Int64(published), "the kill must come before the stream ends")
            let restarted = try enricher("b")
            for run in [survivor, restarted] {
                let result = await run.wait(timeout: .seconds(240))
                #expect(result.status == 0, "enricher: \(result.standardError.suffix(2000))")
            }

            let enriched = try await pipeline.readAll(pipeline.enrichedTopic)
            let enrichedIDs = enriched.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            #expect(Set(enrichedIDs) == ids, "every id reaches the enriched topic")
            // Offsets never run ahead of the output: every raw record below an offset the group
            // had committed at the kill has its output, since nothing will ever read it again.
            let finished = try FaultInjection.sourceOffsets(of: enriched)
            let unfinished = committedAtKill.flatMap { partition, committed in
                (0..<committed).filter { !finished.contains(.init(partition: partition, offset: $0)) }
                    .map { "\(partition)@\($0)" }
            }
            #expect(unfinished.isEmpty, "committed past records with no output: \(unfinished.prefix(10))")
            let output = try TestEnvironment.temporaryDirectory()
            let sunk = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output), timeout: .seconds(180))
            #expect(sunk.status == 0, "\(sunk.standardError.suffix(2000))")
            let (lines, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty)
            #expect(lines.count == ids.count)
            #expect(Set(lines) == ids)
            print(
                "enricher crash scenario (\(mode)): \(published) articles through 2 enrichers, one killed with -9 "
                    + "after \(killedAfter) (offsets committed by then: \(committedCount)) and restarted; enriched topic (read_committed) holds \(enrichedIDs.count) "
                    + "records for \(Set(enrichedIDs).count) ids (\(enrichedIDs.count - Set(enrichedIDs).count) duplicates); "
                    + "sink output \(lines.count) lines, \(Set(lines).count) distinct ids; "
                    + "total \(ContinuousClock.now - started)")
        }
    }
}

/// Waiting for enricher processes to join their group.
enum EnricherGroup {
    /// Returns once every enricher has logged an assignment of `topic`; records an issue if
    /// one has not after `timeout`, since what follows would not test what it says.
    static func waitForAssignments(_ enrichers: [ExecutableRun], topic: String, timeout: Duration = .seconds(60))
        async throws
    {
        let deadline = ContinuousClock.now + timeout
        while !enrichers.allSatisfy({ hasAssignment($0.standardErrorSoFar, topic: topic) }) {
            guard ContinuousClock.now < deadline else {
                Issue.record("not every worker was assigned a partition of \(topic) within \(timeout)")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    static func hasAssignment(_ log: String, topic: String) -> Bool {
        log.split(separator: "\n").contains { $0.contains("partitions assigned") && $0.contains(topic) }
    }
}
