import Foundation
import Testing

/// SIGTERM while a worker is still starting: it stops within `--shutdown-timeout`, with status
/// 0, never by the signal (-15) nor by the backstop (1).
@Suite("SIGTERM while a worker starts", .timeLimit(.minutes(3)))
struct StartupShutdownTests {
    enum Worker: String, CaseIterable, CustomTestStringConvertible {
        case enricher, sink, producer

        var testDescription: String { rawValue }
    }

    private static let shutdownTimeout = 3
    /// Time for the process to exit once its budget is spent, on a loaded 2-core machine.
    private static let exitMargin: Duration = .seconds(3)

    /// The start-up topic check waits up to 15 s for an unreachable broker. A SIGTERM in the
    /// middle of it used to be honoured only after it, so the backstop ended the worker.
    @Test(arguments: Worker.allCases)
    func workerSignalledDuringItsStartupCheckStopsAtOnce(_ worker: Worker) async throws {
        // The signal must land inside the check's 15 s. At the start of the suite the CPU-bound
        // unit tests can hold this test's threads for longer than that; a run whose check had
        // already ended when the signal came proves nothing, and is tried again.
        for attempt in 1...3 {
            let unreachable = "127.0.0.1:\(try LoopbackPort.free())"
            let run = try ExecutableRun(
                Self.executable(worker), try Self.arguments(for: worker, brokers: unreachable), tiedToParent: true)
            // The check starts right after the runtime line; the health monitor says when the
            // broker has stayed away for its first 3 s, so the check is then well under way.
            let inCheck = try await run.waitForLog("unreachable; the worker keeps retrying", within: .seconds(60))
            #expect(inCheck, "\(worker) never reported the broker away: \(run.standardErrorSoFar.suffix(1500))")

            let signalled = ContinuousClock.now
            run.child.send(SIGTERM)
            let result = await run.wait(timeout: .seconds(30))
            if result.standardError.contains("unreachable after 15") {
                print("SIGTERM during the start-up check, \(worker): attempt \(attempt) came after the check")
                continue
            }
            let took = (run.child.exitTime ?? .now) - signalled

            #expect(result.status == 0, "\(worker): \(result.standardError.suffix(2000))")
            let bound = Duration.seconds(Self.shutdownTimeout) + Self.exitMargin
            #expect(took < bound, "\(worker) took \(took) to stop, over \(bound)")
            // The fault landed in the check: it never finished, and the worker says why it stopped.
            #expect(result.standardError.contains("stopped on the signal"), "\(result.standardError.suffix(1500))")
            #expect(!result.standardError.contains("shutdown took longer than --shutdown-timeout"))
            print("SIGTERM during the start-up check, \(worker): exit \(result.status) after \(took)")
            return
        }
        Issue.record("\(worker): in 3 attempts the signal never came during the start-up check")
    }

    /// A worker's first log line comes before its service group starts, which is where
    /// ServiceLifecycle used to install the signal handlers: a SIGTERM this early ended the
    /// worker by the signal (status -15).
    @Test(arguments: Worker.allCases)
    func workerSignalledAtItsFirstLogLineExitsCleanly(_ worker: Worker) async throws {
        let brokers = try TestEnvironment.requireBrokers()
        let run = try ExecutableRun(
            Self.executable(worker), try Self.arguments(for: worker, brokers: brokers), tiedToParent: true)
        let started = try await run.waitForLog("librdkafka runtime", within: .seconds(60))
        #expect(started, "\(worker) never logged: \(run.standardErrorSoFar.suffix(1500))")
        run.child.send(SIGTERM)
        let result = await run.wait(timeout: .seconds(30))
        #expect(result.status == 0, "\(worker): \(result.standardError.suffix(2000))")
        #expect(!result.standardError.contains("shutdown took longer than --shutdown-timeout"))
    }

    private static func executable(_ worker: Worker) -> String {
        switch worker {
        case .enricher: "news-enricher"
        case .sink: "news-sink"
        case .producer: "news-producer"
        }
    }

    private static func arguments(for worker: Worker, brokers: String) throws -> [String] {
        let pipeline = PipelineHarness(brokers: brokers, clientProperties: [:])
        let common = ["--shutdown-timeout", "\(shutdownTimeout)", "--log-level", "info"]
        switch worker {
        case .enricher:
            return pipeline.enricherArguments(exitWhenIdle: nil) + common
        case .sink:
            return pipeline.sinkArguments(to: try TestEnvironment.temporaryDirectory(), exitWhenIdle: nil) + common
        case .producer:
            return pipeline.connectionArguments + common + [
                "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic,
                "--watch", try TestEnvironment.temporaryDirectory().path,
            ]
        }
    }
}
