import Foundation
import Kafka
import Testing

extension BrokerTests {
    @Suite("Watch mode", .timeLimit(.minutes(5)))
    struct WatchModeTests {
        /// Scenario 6: drop 1,000 files while the producer watches, restart it halfway through
        /// (SIGTERM, exit 0, start again); every file is published exactly once, and files
        /// written slowly in place are published only when complete.
        @Test func filesDroppedWhileWatchingArePublishedExactlyOnceAcrossARestart() async throws {
            let pipeline = try PipelineHarness()
            try await FaultInjection.createTopics(
                [pipeline.rawTopic, pipeline.deadLetterTopic], brokers: pipeline.brokers)
            let drop = try TestEnvironment.temporaryDirectory()
            let count = FaultInjection.scaled(1000)
            let arguments = [
                "--brokers", pipeline.brokers, "--topic", pipeline.rawTopic, "--dlq-topic", pipeline.deadLetterTopic,
                "--watch", drop.path, "--settle", "1", "--log-level", "info",
            ]
            let started = ContinuousClock.now
            var producer = try ExecutableRun("news-producer", arguments)
            var restartTook: Duration = .zero
            var slowWrites = 0
            for index in 0..<count {
                let name = String(format: "article-%05d.txt", index)
                let text = Self.article(index)
                if index % 50 == 7 {
                    // Written in place in two parts, the way a slow copy does.
                    let url = drop.appendingPathComponent(name)
                    let bytes = Data(text.utf8)
                    try bytes.prefix(bytes.count / 2).write(to: url)
                    try await Task.sleep(for: .milliseconds(400))
                    let handle = try FileHandle(forWritingTo: url)
                    try handle.seekToEnd()
                    try handle.write(contentsOf: bytes.suffix(from: bytes.count / 2))
                    try handle.close()
                    slowWrites += 1
                } else {
                    // Written elsewhere and renamed in, the way careful writers do.
                    let temporary = drop.appendingPathComponent(".\(name).part")
                    try Data(text.utf8).write(to: temporary)
                    try FileManager.default.moveItem(at: temporary, to: drop.appendingPathComponent(name))
                }
                if index % 25 == 24 { try await Task.sleep(for: .milliseconds(100)) }
                if index == count / 2 {
                    let (status, took) = await GracefulShutdownTests.terminate(producer)
                    #expect(status == 0, "\(producer.standardErrorSoFar.suffix(2000))")
                    #expect(took < .seconds(30), "within the default --shutdown-timeout")
                    restartTook = took
                    producer = try ExecutableRun("news-producer", arguments + ["--exit-when-idle", "4"])
                }
            }
            let finished = await producer.wait(timeout: .seconds(180))
            #expect(finished.status == 0, "\(finished.standardError.suffix(2000))")

            let records = try await pipeline.readAll(pipeline.rawTopic)
            let texts = records.compactMap { record -> String? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(record.value)) as? [String: Any] else {
                    return nil
                }
                return object["text"] as? String
            }
            let sources = records.compactMap { $0.header("source") }
            #expect(records.count == count)
            #expect(Set(sources).count == count, "every file once")
            #expect(texts.count == count && texts.allSatisfy { $0.hasSuffix("Hết bài.\n") }, "no half-written file")
            print(
                "watch mode: \(count) files dropped (\(slowWrites) written slowly in place), producer restarted halfway "
                    + "(stopped in \(restartTook)); \(records.count) records published for \(Set(sources).count) files "
                    + "in \(ContinuousClock.now - started)")
        }

        private static func article(_ index: Int) -> String {
            """
            Bản tin theo dõi số \(index)
            Thứ sáu,  18/10/2019
            Sáng 18/10, tại Hà Nội, hội nghị lần thứ \(index) đã diễn ra với sự tham dự của nhiều đại biểu.

            Các đại biểu thống nhất phương hướng, nhiệm vụ cho giai đoạn mới, bản tin số \(index).

            Hết bài.

            """
        }
    }
}
