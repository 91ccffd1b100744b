import Logging

extension Logger {
    /// A logger for tests: warnings and errors only, so that librdkafka's chatter stays out of the output.
    static var quiet: Logger {
        var logger = Logger(label: "kafka-tests")
        logger.logLevel = .warning
        return logger
    }
}
