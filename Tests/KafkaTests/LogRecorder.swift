import Logging
import Synchronization

/// Keeps every log entry at or above `logLevel` so that tests can assert on what was logged.
final class LogRecorder: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])

    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "kafka-tests") { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    var recorded: [Entry] { entries.withLock { $0 } }

    fileprivate func append(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }
}

private struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        recorder.append(
            LogRecorder.Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
        )
    }
}
