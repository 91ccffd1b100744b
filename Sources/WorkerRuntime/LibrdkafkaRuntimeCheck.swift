import ArgumentParser
import Kafka
import Logging

/// Logs the librdkafka runtime at start and refuses one older than 2.1 unless allowed.
public enum LibrdkafkaRuntimeCheck {
    /// - Parameter versionLevel: The level the version is logged at; tools whose standard error
    ///   a shell pipeline shows pass `.debug`.
    /// - Throws: the runtime's `KafkaError` wrapped as a `ValidationError` so the command exits with its message.
    public static func run(allowOld: Bool, logger: Logger, versionLevel: Logger.Level = .info) throws {
        logger.log(
            level: versionLevel, "librdkafka runtime", metadata: ["librdkafka": "\(LibrdkafkaRuntime.versionString)"])
        do {
            try LibrdkafkaRuntime.checkSupported()
        } catch {
            if allowOld {
                logger.warning("continuing on an old librdkafka because --allow-old-librdkafka was given: \(error)")
            } else {
                throw ValidationError("\(error)")
            }
        }
    }
}
