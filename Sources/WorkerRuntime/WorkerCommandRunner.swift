import ArgumentParser
import Kafka
import Logging
import ServiceLifecycle

/// What a long-running worker command does after building its service: run it under signal
/// handling, and turn a Kafka failure into one clear log line and a non-zero exit status.
public enum WorkerCommandRunner {
    public static func run(_ service: some Service, shutdownTimeout: Duration, logger: Logger) async throws {
        do {
            try await WorkerServiceRunner.run(service, shutdownTimeout: shutdownTimeout, logger: logger)
        } catch let error as KafkaError {
            logger.error("\(error)")
            throw ExitCode(2)
        }
    }
}
