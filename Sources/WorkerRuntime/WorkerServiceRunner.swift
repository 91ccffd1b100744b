import Logging
import ServiceLifecycle

/// Runs a worker as one `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
///
/// Each worker is a single `Service` that orders its own shutdown (stop consuming, finish the
/// record in hand, flush, commit, leave the group), so the group only has to deliver the signal
/// and bound how long that may take.
public enum WorkerServiceRunner {
    /// - Parameters:
    ///   - service: the worker.
    ///   - shutdownTimeout: how long a graceful shutdown may take before the worker is cancelled.
    public static func run(
        _ service: some Service,
        shutdownTimeout: Duration,
        logger: Logger
    ) async throws {
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        configuration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: configuration).run()
    }
}
