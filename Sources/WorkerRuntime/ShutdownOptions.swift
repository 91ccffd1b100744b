import ArgumentParser

/// `--shutdown-timeout` and `--exit-when-idle`, shared by the long-running workers.
public struct ShutdownOptions: ParsableArguments, Sendable {
    @Option(help: "Seconds a graceful shutdown (SIGTERM/SIGINT) may take before the worker is cancelled.")
    public var shutdownTimeout: Int = 30

    @Option(
        help: ArgumentHelp(
            "Exit once every assigned partition is drained and nothing arrived for this many seconds.",
            valueName: "seconds"))
    public var exitWhenIdle: Double?

    public init() {}

    public var shutdownTimeoutDuration: Duration { .seconds(shutdownTimeout) }

    public var idleExitDuration: Duration? {
        exitWhenIdle.map { .milliseconds(Int64($0 * 1000)) }
    }
}
