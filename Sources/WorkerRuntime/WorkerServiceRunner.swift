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
    ///     cancelled, and it must be done `close` later (``ShutdownBackstop`` ends the process
    ///     with status 1 shortly after that otherwise).
    ///   - health: watches the worker's brokers.
    ///   - monitoring: the worker's status and metrics server.
    /// A signal that arrives while the worker is still starting (checking its topics while the
    /// broker is unreachable, say) stops it there: it returns without having consumed anything.
    public static func run(
        _ service: some Service,
        shutdown: ShutdownBudget,
        health: BrokerHealthMonitor,
        monitoring: WorkerMonitoring,
        logger: Logger
    ) async throws {
        ShutdownSignals.install()
        // Shut down in reverse order: the worker first, then the signal service, then the
        // monitor, then the metrics server. Neither a monitor nor a server that fails stops
        // the worker.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let server = monitoring.server {
            services.append(
                .init(service: server, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        services += [
            .init(service: health, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
            .init(service: ShutdownSignalService(), successTerminationBehavior: .gracefullyShutdownGroup),
            .init(
                service: MonitoredService(wrapped: service, status: monitoring.status),
                successTerminationBehavior: .gracefullyShutdownGroup),
        ]
        var configuration = ServiceGroupConfiguration(
            services: services,
            // ShutdownSignals catches them from the worker's first moments, which the group cannot.
            gracefulShutdownSignals: [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdown.drain
        // No maximumCancellationDuration: ServiceLifecycle ends an overrun with a fatal error.
        // The worker bounds its own close instead, and the backstop catches a step that does not.
        ShutdownBackstop.arm(budget: shutdown, logger: logger)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch  where error.isCancellation && ShutdownSignals.haveArrived {
            logger.notice(
                "stopped on the signal with work in hand; what was not committed is done again after a restart")
        }
    }
}
