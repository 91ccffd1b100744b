import Foundation
import Kafka
import Testing

extension BrokerTests {
    @Suite("Sink on a full or unwritable disk", .timeLimit(.minutes(3)))
    struct SinkResourceLimitTests {
        /// The output directory is on a 1 MiB tmpfs, half of it taken by another file: the disk
        /// fills mid-stream. The sink stops with one clear message, leaves no partial line and
        /// no committed offset past a line it did not make durable; once the other file is
        /// removed, a restarted sink completes the output with every line exactly once.
        @Test func fullDiskStopsTheSinkCleanlyAndARestartAfterFreeingSpaceCompletesTheOutput() async throws {
            let started = ContinuousClock.now
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics([pipeline.enrichedTopic], brokers: pipeline.brokers)
            let disk = try TemporaryMount(options: "size=1m")
            defer { disk.unmount() }
            let filler = disk.directory.appendingPathComponent("filler")
            try Data(count: 512 * 1024).write(to: filler)
            let output = disk.directory.appendingPathComponent("out")

            let articles = try FaultInjection.enrichedArticles(1)
            let lineBytes = articles[0].jsonBytes().count + 1
            // About 1.3 times the space left, and well under the whole disk once the filler is gone.
            let count = 680 * 1024 / lineBytes
            let messages = try FaultInjection.enrichedArticles(count).map {
                FaultInjection.message(for: $0, topic: pipeline.enrichedTopic)
            }
            let ids = Set(messages.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
            #expect(try await FaultInjection.publish(messages, brokers: pipeline.brokers) == count)

            let full = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output), timeout: .seconds(60))
            #expect(full.status == 2, "stops with an error, not a crash: \(full.standardError.suffix(2000))")
            let errorLines = full.standardError.split(separator: "\n").filter { $0.contains("No space left on device") }
            #expect(errorLines.count == 1, "one clear line: \(errorLines)")
            #expect(errorLines.first?.contains("free space there and start again") == true, "\(errorLines)")
            #expect(!full.standardError.contains("Fatal error"))

            let afterFull = try FaultInjection.outputIDs(in: output)
            #expect(afterFull.invalid.isEmpty, "no partial line: \(afterFull.invalid.prefix(3))")
            #expect(afterFull.ids.count < count, "the disk filled before the last line")
            #expect(Set(afterFull.ids).count == afterFull.ids.count)
            // Every record below a committed offset has its line: nothing was acknowledged that
            // was not durably written.
            let committed = try await FaultInjection.committedOffsets(
                group: pipeline.sinkGroup, topic: pipeline.enrichedTopic, brokers: pipeline.brokers)
            let records = try await pipeline.readAll(pipeline.enrichedTopic)
            let acknowledged = records.filter { $0.offset < committed[$0.topicPartition, default: 0] }
            let written = Set(afterFull.ids)
            let acknowledgedIDs = acknowledged.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }
            #expect(acknowledgedIDs.allSatisfy(written.contains), "committed past lines that are not in the files")

            try FileManager.default.removeItem(at: filler)
            let resumed = try await ExecutableRun.run(
                "news-sink", pipeline.sinkArguments(to: output), timeout: .seconds(60))
            #expect(resumed.status == 0, "\(resumed.standardError.suffix(2000))")
            let (lines, invalid) = try FaultInjection.outputIDs(in: output)
            #expect(invalid.isEmpty)
            #expect(lines.count == count, "every line once")
            #expect(Set(lines) == ids)
            print(
                "sink, full disk: \(count) lines of \(lineBytes) bytes into 1 MiB with 512 KiB taken; stopped with "
                    + "exit \(full.status) at \(afterFull.ids.count) lines (\(acknowledged.count) committed), \(afterFull.invalid.count) partial; "
                    + "after freeing the space and a restart \(lines.count) lines, \(Set(lines).count) distinct; "
                    + "total \(ContinuousClock.now - started); the error: \(errorLines.first ?? "")")
        }

        /// An output directory on a read-only filesystem, or a file where the directory should
        /// be: root writes anywhere else, but not there. One error line, exit status 2, at once.
        @Test func unwritableOutputDirectoryGetsOneClearErrorAndAnExitNotARetryLoop() async throws {
            let pipeline = try PipelineHarness()
            let readOnly = try TemporaryMount(options: "ro")
            defer { readOnly.unmount() }
            let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("not-a-directory")
            try Data("x".utf8).write(to: file)
            for (output, reason) in [
                (readOnly.directory.appendingPathComponent("out"), "Read-only file system"),
                (readOnly.directory, "Read-only file system"),
                (file, "Not a directory"),
            ] {
                let begun = ContinuousClock.now
                let run = try await ExecutableRun.run(
                    "news-sink", pipeline.sinkArguments(to: output), timeout: .seconds(20))
                let took = ContinuousClock.now - begun
                #expect(run.status == 2, "\(output.path): \(run.standardError.suffix(2000))")
                let errors = run.standardError.split(separator: "\n").filter { $0.contains(" error ") }
                #expect(errors.count == 1, "\(output.path): \(errors)")
                #expect(errors.first?.contains(reason) == true, "\(output.path): \(errors)")
                #expect(errors.first?.contains("give a directory this worker can write") == true, "\(errors)")
                #expect(took < .seconds(15), "exits at once")
                print("sink, unwritable \(output.path): exit \(run.status) after \(took): \(errors.first ?? "")")
            }
        }
    }
}

/// A tmpfs mounted on a fresh directory for one test (the tests run as root); unmount it with a
/// `defer` so that a failing test does not leave it behind.
struct TemporaryMount {
    let directory: URL

    init(options: String) throws {
        directory = try TestEnvironment.temporaryDirectory()
        let status = Self.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", directory.path])
        try #require(status == 0, "mount -t tmpfs -o \(options) failed (status \(status)): the tests must run as root")
    }

    func unmount() {
        let status = Self.run("/bin/umount", [directory.path])
        if status != 0 { Issue.record("umount \(directory.path) failed with status \(status)") }
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        do {
            try process.run()
        } catch {
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
