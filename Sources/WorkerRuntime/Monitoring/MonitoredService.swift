import ServiceLifecycle

/// The worker's service, reporting to its ``WorkerStatus`` when it starts, when it is asked to
/// shut down and when it returns: what `/healthz` and `/readyz` need to know of it.
struct MonitoredService<Wrapped: Service>: Service {
    let wrapped: Wrapped
    let status: WorkerStatus

    func run() async throws {
        status.serviceStarted()
        defer { status.serviceStopped() }
        try await withGracefulShutdownHandler {
            try await wrapped.run()
        } onGracefulShutdown: {
            status.serviceStopping()
        }
    }
}
