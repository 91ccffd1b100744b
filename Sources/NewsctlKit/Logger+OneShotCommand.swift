import Logging

extension Logger {
    /// This logger as the Kafka clients of a one-shot command (`lag`, `tail`, `topics`) get it:
    /// below `debug`, only errors. librdkafka warns about every refused connection, and a
    /// command in a shell pipeline should end with one error line, which already names the
    /// last of them.
    public var forOneShotKafkaClients: Logger {
        var quieter = self
        if logLevel > .debug { quieter.logLevel = max(logLevel, .error) }
        return quieter
    }
}
