import ArgumentParser
import Logging
import Synchronization

/// `--log-level` and `--log-format` for every executable; logs go to standard error so stdout
/// stays for data.
public struct LoggingOptions: ParsableArguments, Sendable {
    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    public var logLevel: Logger.Level = .info

    @Option(help: "text (readable lines) or json (one JSON object per line, for log aggregators).")
    public var logFormat: LogFormat = .text

    public init() {}

    /// Installs the process-wide log handler for `--log-format` once (the first call's format
    /// wins) and returns a logger for `label`.
    public func makeLogger(label: String) -> Logger {
        LoggingBootstrap.installOnce(logFormat)
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

private enum LoggingBootstrap {
    // swift-log allows one bootstrap per process.
    static let installed = Mutex(false)

    static func installOnce(_ format: LogFormat) {
        installed.withLock { installed in
            guard !installed else { return }
            installed = true
            switch format {
            case .text: LoggingSystem.bootstrap(StreamLogHandler.standardError)
            case .json: LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
            }
        }
    }
}
