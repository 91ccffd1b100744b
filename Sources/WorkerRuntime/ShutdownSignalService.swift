import ServiceLifecycle

/// Ends its run on the first SIGTERM or SIGINT (see ``ShutdownSignals``), including one that
/// arrived before the group started, so that the group, which it is configured to shut down
/// gracefully when it ends, stops the worker. It also ends when the group shuts down for
/// another reason.
struct ShutdownSignalService: Service {
    func run() async {
        await cancelWhenGracefulShutdown {
            await ShutdownSignals.firstArrival()
        }
    }
}
