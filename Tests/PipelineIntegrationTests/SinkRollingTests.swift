import Foundation
import Testing

extension BrokerTests {
    /// The sink's rolled files against a real broker: by size, under kill -9, and by age.
    @Suite("Sink rolling", .timeLimit(.minutes(5)))
    struct SinkRollingTests {
        /// What the test reads of a run's output: the finished files, their problems, and the
        /// ids in all of them.
        private struct FinishedOutput {
            var contents: [String: Data] = [:]
            var problems: [String] = []
            var ids: [String] = []

            init(in directory: URL, rollBytes: Int) throws {
                for url in try SinkFiles.finished(in: directory) {
                    let data = try SinkFiles.contents(of: url)
                    contents[url.lastPathComponent] = data
                    if let problem = try SinkFiles.incompleteness(of: url) { problems.append(problem) }
                    let lines = data.split(separator: UInt8(ascii: "\n"))
                    if data.count > rollBytes && lines.count > 1 {
                        problems.append("\(url.lastPathComponent) has \(data.count) bytes, more than --roll-bytes")
                    }
                    ids += lines.compactMap {
                        (try? JSONSerialization.jsonObject(with: $0) as? [String: Any])?["id"] as? String
                    }
                }
            }
        }

        private func waitForLines(_ count: Int, in output: URL, timeout: Duration = .seconds(60)) async throws {
            let deadline = ContinuousClock.now + timeout
            while FaultInjection.lineCount(in: output) < count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }

        @Test func aSmallRollSizeMakesSeveralCompleteFinishedFilesAndTheStopFinishesTheRest() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(400)
            let lineBytes = articles[0].jsonLine().utf8.count + 1
            let rollBytes = lineBytes * 4 + lineBytes / 2
            _ = try await FaultInjection.publish(
                articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) },
                brokers: pipeline.brokers)
            let output = try TestEnvironment.temporaryDirectory()
            let sink = try ExecutableRun(
                "news-sink",
                pipeline.sinkArguments(to: output, exitWhenIdle: nil) + ["--roll-bytes", "\(rollBytes)"])
            try await waitForLines(articles.count, in: output)
            try await Task.sleep(for: .seconds(2))

            // Running: several finished files, and the lines since the last roll still in progress.
            let running = try FinishedOutput(in: output, rollBytes: rollBytes)
            let inProgress = try SinkFiles.inProgress(in: output)
            #expect(running.problems.isEmpty, "\(running.problems.prefix(3))")
            #expect(running.contents.count >= 40, "400 lines of 4 a file: \(running.contents.count) finished files")
            #expect(!inProgress.isEmpty, "the lines since each partition's last roll are in progress")
            #expect(FaultInjection.lineCount(in: output) == articles.count, "finished and in progress: the input once")
            #expect(Set(running.ids).count == running.ids.count, "no line in two finished files")

            sink.child.send(SIGTERM)
            let stopped = await sink.wait(timeout: .seconds(40))
            #expect(stopped.status == 0, "\(stopped.standardError)")
            let final = try FinishedOutput(in: output, rollBytes: rollBytes)
            #expect(try SinkFiles.inProgress(in: output).isEmpty, "a graceful stop finishes every active file")
            #expect(final.problems.isEmpty, "\(final.problems.prefix(3))")
            #expect(final.ids.count == articles.count)
            #expect(Set(final.ids) == Set(articles.map(\.id.rawValue)))
            for (name, data) in running.contents {
                #expect(final.contents[name] == data, "\(name) changed after it was finished")
            }
            #expect(stopped.standardError.contains("finished a file"))
        }

        @Test func gzipFinishedFilesHoldTheInputOnceEachAsGzipReadsThem() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(200)
            let lineBytes = articles[0].jsonLine().utf8.count + 1
            let rollBytes = lineBytes * 4 + lineBytes / 2
            _ = try await FaultInjection.publish(
                articles.map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) },
                brokers: pipeline.brokers)
            let output = try TestEnvironment.temporaryDirectory()
            let run = try await ExecutableRun.run(
                "news-sink",
                pipeline.sinkArguments(to: output) + ["--roll-bytes", "\(rollBytes)", "--compress", "gzip"],
                timeout: .seconds(120))
            #expect(run.status == 0, "\(run.standardError)")
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
                .filter { $0 != ".sink" }
            #expect(names.count >= 20, "\(names.count) files")
            #expect(names.allSatisfy { $0.hasSuffix(".jsonl.gz") && !$0.hasPrefix(".") }, "\(names.sorted().prefix(5))")
            let result = try FinishedOutput(in: output, rollBytes: rollBytes)
            #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
            #expect(result.ids.count == articles.count)
            #expect(Set(result.ids) == Set(articles.map(\.id.rawValue)))
        }

        /// kill -9 while files roll every few lines: after every kill each finished file is
        /// complete and never changes afterwards; at the end every id is written exactly once.
        @Test func sinkKilledRepeatedlyWhileRollingLosesRepeatsAndSplitsNoLine() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(FaultInjection.scaled(1500))
            let lineBytes = articles[0].jsonLine().utf8.count + 1
            let rollBytes = lineBytes * 2 + lineBytes / 2
            // Every tenth article is published a second time, later in the stream: a duplicate
            // whose first copy is usually in a finished file by then.
            let messages = (articles + articles.enumerated().filter { $0.offset % 10 == 0 }.map(\.element))
                .map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) }
            let output = try TestEnvironment.temporaryDirectory()
            let arguments = { (exitWhenIdle: Double?) in
                pipeline.sinkArguments(to: output, exitWhenIdle: exitWhenIdle) + ["--roll-bytes", "\(rollBytes)"]
            }
            let batch = 25
            let pause = Duration.milliseconds(50_000 * batch / messages.count)
            let publishing = Task {
                try await FaultInjection.publish(messages, brokers: pipeline.brokers, batch: batch, pause: pause)
            }
            var finishedSoFar: [String: Data] = [:]
            var killedAt: [Int] = []
            for _ in 0..<4 {
                let sink = try ExecutableRun("news-sink", arguments(nil))
                let before = FaultInjection.lineCount(in: output)
                try await waitForLines(before + 1, in: output, timeout: .seconds(30))
                if FaultInjection.lineCount(in: output) <= before {
                    Issue.record("the restarted sink wrote nothing within 30 s; it was killed idle")
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...700)))
                sink.child.send(SIGKILL)
                let status = await sink.wait(timeout: .seconds(10)).status
                #expect(status == -9, "the sink must die by SIGKILL, not exit by itself")
                killedAt.append(FaultInjection.lineCount(in: output))
                let afterKill = try FinishedOutput(in: output, rollBytes: rollBytes)
                #expect(afterKill.problems.isEmpty, "after kill \(killedAt.count): \(afterKill.problems.prefix(3))")
                for (name, data) in finishedSoFar {
                    #expect(afterKill.contents[name] == data, "\(name) changed or vanished after it was finished")
                }
                finishedSoFar = afterKill.contents
            }
            let published = try await publishing.value
            #expect(killedAt.allSatisfy { $0 < articles.count }, "every kill must land mid-stream: \(killedAt)")
            #expect(finishedSoFar.count >= 20, "files rolled while the sink was being killed: \(finishedSoFar.count)")
            let final = try await ExecutableRun.run("news-sink", arguments(3), timeout: .seconds(120))
            #expect(final.status == 0, "\(final.standardError)")

            let result = try FinishedOutput(in: output, rollBytes: rollBytes)
            #expect(try SinkFiles.inProgress(in: output).isEmpty)
            #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
            #expect(result.ids.count == articles.count, "every line once")
            #expect(Set(result.ids) == Set(articles.map(\.id.rawValue)))
            for (name, data) in finishedSoFar {
                #expect(result.contents[name] == data, "\(name) changed or vanished after it was finished")
            }
            print(
                "sink rolling crash scenario: \(published) records published, killed with -9 at \(killedAt) lines, "
                    + "\(result.contents.count) finished files, \(result.ids.count) lines, "
                    + "\(Set(result.ids).count) distinct")
        }

        /// `--roll-seconds`: an idle partition's file is finished once its first line is old
        /// enough, without waiting for another line or for the sink to stop.
        @Test func aFileIsFinishedOnceItsFirstLineIsOldEnoughEvenWhenNoMoreLinesCome() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let articles = try FaultInjection.enrichedArticles(20)
            let output = try TestEnvironment.temporaryDirectory()
            let sink = try ExecutableRun(
                "news-sink", pipeline.sinkArguments(to: output, exitWhenIdle: nil) + ["--roll-seconds", "3"])
            _ = try await FaultInjection.publish(
                articles.prefix(10).map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) },
                brokers: pipeline.brokers)
            try await waitForLines(10, in: output)
            let written = ContinuousClock.now
            #expect(!(try SinkFiles.inProgress(in: output)).isEmpty, "young files are still in progress")
            while try !SinkFiles.inProgress(in: output).isEmpty, ContinuousClock.now - written < .seconds(20) {
                try await Task.sleep(for: .milliseconds(100))
            }
            let rolledAfter = ContinuousClock.now - written
            #expect(try SinkFiles.inProgress(in: output).isEmpty, "every file finished by age while the sink runs")
            #expect(rolledAfter < .seconds(10), "finished \(rolledAfter) after the last line, for --roll-seconds 3")
            let first = try FinishedOutput(in: output, rollBytes: .max)
            #expect(first.problems.isEmpty, "\(first.problems.prefix(3))")
            #expect(Set(first.ids) == Set(articles.prefix(10).map(\.id.rawValue)))

            // Later lines go to new files; the finished ones stay as they are.
            _ = try await FaultInjection.publish(
                articles.suffix(10).map { FaultInjection.message(for: $0, topic: pipeline.enrichedTopic) },
                brokers: pipeline.brokers)
            try await waitForLines(20, in: output)
            sink.child.send(SIGTERM)
            let stopped = await sink.wait(timeout: .seconds(40))
            #expect(stopped.status == 0, "\(stopped.standardError)")
            let final = try FinishedOutput(in: output, rollBytes: .max)
            #expect(final.ids.count == 20)
            #expect(Set(final.ids) == Set(articles.map(\.id.rawValue)))
            for (name, data) in first.contents {
                #expect(final.contents[name] == data, "\(name) changed after it was finished")
            }
        }
    }
}
