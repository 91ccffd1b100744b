import ArgumentParser
import Logging
import ServiceLifecycle

/// What a long-running worker command does after building its service: run it under signal
/// handling, and turn a failure (Kafka, output files) into one clear log line and exit status 2.
public enum WorkerCommandRunner {
    public static func run(
        _ service: some Service, shutdown: ShutdownBudget, health: BrokerHealthMonitor, monitoring: WorkerMonitoring,
        logger: Logger
    ) async throws {
        do {
            try await WorkerServiceRunner.run(
                service, shutdown: shutdown, health: health, monitoring: monitoring, logger: logger)
        } catch {
            logger.error("\(error)")
            throw ExitCode(2)
        }
    }
}
