import Logging
import ServiceLifecycle

/// Runs a worker as one `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
///
/// Each worker is a single `Service` that orders its own shutdown (stop consuming, finish the
/// record in hand, flush, commit, leave the group), so the group only has to deliver the signal
/// and bound how long that may take. A ``BrokerHealthMonitor`` runs beside it and stops after
/// it, so health is reported during the worker's shutdown too.
public enum WorkerServiceRunner {
    /// - Parameters:
    ///   - service: the worker.
    ///   - shutdown: how long a graceful shutdown may take: after `drain` the worker is
    ///     cancelled, and it must be done `close` later (a ``ShutdownBackstop`` ends the process
    ///     with status 1 shortly after that otherwise).
    ///   - health: watches the worker's brokers.
    public static func run(
        _ service: some Service,
        shutdown: ShutdownBudget,
        health: BrokerHealthMonitor,
        logger: Logger
    ) async throws {
        var configuration = ServiceGroupConfiguration(
            // Shut down in reverse order: the worker first, then the monitor. A monitor that
            // cannot start does not stop the worker.
            services: [
                .init(service: health, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdown.drain
        // No maximumCancellationDuration: ServiceLifecycle ends an overrun with a fatal error.
        // The worker bounds its own close instead, and the backstop catches a step that does not.
        let backstop = ShutdownBackstop(budget: shutdown, logger: logger)
        try await ServiceGroup(configuration: configuration).run()
        withExtendedLifetime(backstop) {}
    }
}
