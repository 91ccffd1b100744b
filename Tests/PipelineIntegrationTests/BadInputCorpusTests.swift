import Foundation
import Kafka
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension BrokerTests {
    @Suite("Bad input through the pipeline", .timeLimit(.minutes(4)))
    struct BadInputCorpusTests {
        /// Scenario 5: empty, binary, invalid UTF-8, 50 MB, vanishing, unreadable and
        /// symlink-loop inputs beside good ones. Each bad one gets one clear message and a dead
        /// letter with its reason; every good article reaches the output; nothing crashes.
        @Test func badInputsAreEachReportedOnceAndDeadLetteredWhileGoodOnesFlowThrough() async throws {
            let pipeline = try PipelineHarness()
            let corpus = try TestEnvironment.temporaryDirectory()
            let seeds = ["000_cc4fa1231091c4b6.txt", "002_080f909c526fe6db.txt", "003_b5a5b979df70e810.txt"]
            for seed in seeds {
                try FileManager.default.copyItem(
                    at: TestEnvironment.seedsDirectory.appendingPathComponent(seed),
                    to: corpus.appendingPathComponent(seed))
            }
            try Data().write(to: corpus.appendingPathComponent("empty.txt"))
            try Data(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                    + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
            )
            .write(to: corpus.appendingPathComponent("binary.txt"))
            try Data([0x48, 0xE1, 0xBB, 0x99, 0x69, 0x20, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x0A])
                .write(to: corpus.appendingPathComponent("invalid-utf8.txt"))
            let huge = corpus.appendingPathComponent("huge.txt")
            #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
            try FileHandle(forWritingTo: huge).truncate(atOffset: 50 * 1024 * 1024)
            let unreadable = corpus.appendingPathComponent("unreadable.txt")
            try Data("Bài viết không đọc được\n\nNội dung.\n".utf8).write(to: unreadable)
            chmod(unreadable.path, 0)
            try FileManager.default.createSymbolicLink(
                atPath: corpus.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
            try FileManager.default.createSymbolicLink(
                atPath: corpus.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
            let vanishing = corpus.appendingPathComponent("vanishing.txt")
            try Data("Bài viết sẽ biến mất\n\nNội dung.\n".utf8).write(to: vanishing)

            // Standard input comes first and is read before the files: while the producer waits
            // on it, the listed file is removed, so it vanishes between listing and reading.
            let fifo = try TestEnvironment.temporaryDirectory().appendingPathComponent("stdin")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            let writer = Task.detached { try FileHandle(forWritingTo: fifo) }
            let producer = try ExecutableRun(
                Self.withoutFileReadOverride(ExecutableRun.buildDirectory.appendingPathComponent("news-producer").path),
                Self.withoutFileReadOverrideArguments + [
                    "--brokers", pipeline.brokers, "--topic", pipeline.rawTopic, "--dlq-topic",
                    pipeline.deadLetterTopic,
                    "--log-level", "info", "--", "-", corpus.path,
                ],
                standardInput: fifo.path)
            let stdin = try await writer.value
            let listed = ContinuousClock.now + .seconds(60)
            while !producer.standardErrorSoFar.contains("inputs to publish"), ContinuousClock.now < listed {
                try await Task.sleep(for: .milliseconds(20))
            }
            try FileManager.default.removeItem(at: vanishing)
            try stdin.write(
                contentsOf: Data(
                    try Data(
                        contentsOf: TestEnvironment.seedsDirectory.appendingPathComponent("004_f53dcad156fbf52c.txt"))))
            try stdin.close()
            let produced = await producer.wait(timeout: .seconds(120))
            #expect(produced.status == 1, "bad inputs make the exit status 1, not a crash: \(produced.standardError)")
            #expect(produced.standardOutput.hasPrefix("published 7 of 7 articles"), "\(produced.standardOutput)")

            let producerErrors = produced.standardError.split(separator: "\n").filter { $0.contains(" error ") }
            for (name, reason) in [
                ("huge.txt", "over the \(ProducerConfiguration.defaultMaximumMessageBytes)-byte message limit"),
                ("unreadable.txt", "permission denied"),
                ("loop-a.txt", "symbolic link loop"), ("loop-b.txt", "symbolic link loop"),
                ("vanishing.txt", "vanished before it could be read"),
            ] {
                let lines = producerErrors.filter { $0.contains(name) }
                #expect(lines.count == 1 && lines.allSatisfy { $0.contains(reason) }, "\(name): \(lines)")
            }

            let enriched = try await pipeline.enrich()
            #expect(enriched.status == 0, "\(enriched.standardError.suffix(2000))")
            let output = try TestEnvironment.temporaryDirectory()
            let sunk = try await pipeline.sink(to: output)
            #expect(sunk.status == 0, "\(sunk.standardError.suffix(2000))")
            let lines = try PipelineHarness.jsonLines(in: output)
            #expect(lines.count == 4, "three seed files and the article from standard input")

            let deadLetters = try await pipeline.readAll(pipeline.deadLetterTopic)
            for record in deadLetters {
                #expect(record.header("error-message")?.isEmpty == false)
                #expect(record.header("error-stage") == (record.header("source-topic") == nil ? "produce" : "enrich"))
            }
            #expect(deadLetters.count == 8)
            let kinds = deadLetters.compactMap { $0.header("error-kind") }.sorted()
            #expect(
                kinds == [
                    "binary_content", "empty_body", "invalid_encoding", "symlink_loop", "symlink_loop", "too_large",
                    "unreadable", "vanished",
                ])
            print(
                "bad input corpus: producer \(produced.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)); "
                    + "\(lines.count) articles written; \(deadLetters.count) dead letters: \(kinds.joined(separator: ", "))"
            )
        }

        /// Root reads any file; dropping the capabilities that let it do so makes a mode-000 file
        /// unreadable to the producer as it is to anyone else.
        private static func withoutFileReadOverride(_ executable: String) -> String {
            getuid() == 0 ? "/usr/bin/setpriv" : executable
        }

        private static var withoutFileReadOverrideArguments: [String] {
            getuid() == 0
                ? [
                    "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search",
                    ExecutableRun.buildDirectory.appendingPathComponent("news-producer").path,
                ] : []
        }
    }
}
