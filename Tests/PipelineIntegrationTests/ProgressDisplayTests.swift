import Synchronization
import Testing
import WorkerRuntime

@Suite("Progress display, without a broker")
struct ProgressDisplayTests {
    /// What a display wrote, in order.
    final class Written: Sendable {
        let texts = Mutex<[String]>([])
        var all: [String] { texts.withLock { $0 } }
        func append(_ text: String) { texts.withLock { $0.append(text) } }
    }

    @Test func textHasCountPercentRateAndTimeLeft() {
        #expect(
            ProgressDisplay.text(verb: "published", noun: "articles", done: 1200, total: 6000, elapsed: .seconds(2))
                == "published 1200 of 6000 articles (20%), 600/s, ETA 8 s")
        #expect(
            ProgressDisplay.rateAndTimeLeft(done: 10, remaining: 900, elapsed: .seconds(1)) == "10/s, ETA 1 min 30 s")
        #expect(ProgressDisplay.rateAndTimeLeft(done: 0, remaining: 5, elapsed: .seconds(3)) == "0/s, ETA -")
    }

    @Test func onATerminalTheLineIsRedrawnInPlaceAndEndedOnce() {
        let written = Written()
        var display = ProgressDisplay(
            mode: .auto, verb: "published", noun: "articles", total: 2, plainInterval: .seconds(60), isTerminal: true,
            write: written.append)
        display.update(done: 1)
        display.finish(done: 2)
        #expect(written.all.count == 3)
        #expect(written.all.first?.hasPrefix("\r\u{1B}[Kpublished 1 of 2 articles (50%), ") == true)
        #expect(written.all.dropFirst().first?.hasPrefix("\r\u{1B}[Kpublished 2 of 2 articles (100%), ") == true)
        #expect(written.all.last == "\n")
    }

    @Test func offATerminalPlainLinesComeOnlyEveryInterval() {
        let frequent = Written()
        var display = ProgressDisplay(
            mode: .auto, verb: "published", noun: "articles", total: 2, plainInterval: .zero, isTerminal: false,
            write: frequent.append)
        display.update(done: 1)
        display.finish(done: 2)
        #expect(frequent.all.count == 1)
        #expect(frequent.all.first?.hasPrefix("progress: published 1 of 2 articles (50%), ") == true)
        #expect(frequent.all.first?.hasSuffix("\n") == true)
        #expect(!frequent.all.joined().contains("\u{1B}"))

        let rare = Written()
        var quiet = ProgressDisplay(
            mode: .auto, verb: "published", noun: "articles", total: 2, plainInterval: .seconds(60), isTerminal: false,
            write: rare.append)
        quiet.update(done: 1)
        quiet.finish(done: 2)
        #expect(rare.all.isEmpty)
    }

    @Test func offShowsNothingEvenOnATerminal() {
        let written = Written()
        var display = ProgressDisplay(
            mode: .off, verb: "published", noun: "articles", total: 2, plainInterval: .zero, isTerminal: true,
            write: written.append)
        display.update(done: 1)
        display.finish(done: 2)
        #expect(written.all.isEmpty)
    }
}

extension BrokerTests {
    @Suite("news-producer progress", .timeLimit(.minutes(3)))
    struct ProducerProgressTests {
        /// `script` runs the producer on a real pseudo-terminal and copies what it shows.
        @Test func onATerminalTheProducerRedrawsItsProgressLine() async throws {
            let pipeline = try PipelineHarness()
            let producer = ExecutableRun.buildDirectory.appendingPathComponent("news-producer").path
            let command =
                ([producer] + pipeline.connectionArguments + ["--topic", pipeline.rawTopic, "--"]
                + [TestEnvironment.seedsDirectory.path]).map { "'\($0)'" }.joined(separator: " ")
            let script = try TestEnvironment.program("script", debianPackage: "bsdutils")
            let result = try await ExecutableRun.run(script, ["-qec", command, "/dev/null"], timeout: .seconds(60))
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
            #expect(
                result.standardOutput.contains("\r\u{1B}[Kpublished 5 of 5 articles (100%), "),
                "\(result.standardOutput.debugDescription)")
            #expect(result.standardOutput.contains("published 5 of 5 articles to \(pipeline.rawTopic)"))
        }

        @Test func offATerminalTheProducerWritesPlainLines() async throws {
            let pipeline = try PipelineHarness()
            let result = try await ExecutableRun.run(
                "news-producer",
                pipeline.connectionArguments + [
                    "--topic", pipeline.rawTopic, "--progress-interval", "0", "--", TestEnvironment.seedsDirectory.path,
                ], timeout: .seconds(60))
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.contains("progress: published "), "\(result.standardError)")
            #expect(!result.standardError.contains("\u{1B}"))
            #expect(!result.standardError.contains("\r"))
            #expect(result.standardOutput.hasPrefix("published 5 of 5 articles"))
        }
    }
}
