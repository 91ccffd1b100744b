import ArgumentParser

/// `--shutdown-timeout` and `--exit-when-idle`, shared by the long-running workers.
public struct ShutdownOptions: ParsableArguments, Sendable {
    @Option(
        help:
            "Seconds a graceful shutdown (SIGTERM/SIGINT) may take; work still in hand near the end is abandoned to be redone."
    )
    public var shutdownTimeout: Int = 30

    @Option(
        help: ArgumentHelp(
            "Exit once every assigned partition is drained and nothing arrived for this many seconds.",
            valueName: "seconds"))
    public var exitWhenIdle: Double?

    public init() {}

    public func validate() throws {
        guard shutdownTimeout >= 1 else { throw ValidationError("--shutdown-timeout must be at least 1 second") }
    }

    public var budget: ShutdownBudget { ShutdownBudget(total: .seconds(shutdownTimeout)) }

    public var idleExitDuration: Duration? {
        exitWhenIdle.map { .milliseconds(Int64($0 * 1000)) }
    }
}
