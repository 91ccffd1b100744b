import ArgumentParser
import Logging

/// `--log-level` for every executable; logs go to standard error so stdout stays for data.
public struct LoggingOptions: ParsableArguments, Sendable {
    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    public var logLevel: Logger.Level = .info

    public init() {}

    /// Installs the process-wide log handler once and returns a logger for `label`.
    public func makeLogger(label: String) -> Logger {
        LoggingBootstrap.installOnce()
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

private enum LoggingBootstrap {
    // Swift runs a static stored property's initialiser exactly once, thread-safely.
    static let installed: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)

    static func installOnce() { _ = installed }
}
