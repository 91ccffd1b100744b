import Logging
import ServiceLifecycle

/// Runs a worker as one `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
///
/// Each worker is a single `Service` that orders its own shutdown (stop consuming, finish the
/// record in hand, flush, commit, leave the group), so the group only has to deliver the signal
/// and bound how long that may take. A ``BrokerHealthMonitor`` and, with metrics on, the
/// ``MetricsServer`` run beside it and stop after it, so health is reported during the worker's
/// shutdown too.
public enum WorkerServiceRunner {
    /// - Parameters:
    ///   - service: the worker.
    ///   - shutdown: how long a graceful shutdown may take: after `drain` the worker is
    ///     cancelled, and it must be done `close` later (a ``ShutdownBackstop`` ends the process
    ///     with status 1 shortly after that otherwise).
    ///   - health: watches the worker's brokers.
    ///   - monitoring: the worker's status and metrics server.
    public static func run(
        _ service: some Service,
        shutdown: ShutdownBudget,
        health: BrokerHealthMonitor,
        monitoring: WorkerMonitoring,
        logger: Logger
    ) async throws {
        // Shut down in reverse order: the worker first, then the monitor, then the metrics
        // server. Neither a monitor nor a server that fails stops the worker.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let server = monitoring.server {
            services.append(
                .init(service: server, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        services.append(
            .init(service: health, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        services.append(
            .init(
                service: MonitoredService(wrapped: service, status: monitoring.status),
                successTerminationBehavior: .gracefullyShutdownGroup))
        var configuration = ServiceGroupConfiguration(
            services: services,
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
