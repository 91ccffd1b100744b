import ArgumentParser

/// `--health-file` for every long-running worker.
public struct HealthOptions: ParsableArguments, Sendable {
    @Option(
        help: ArgumentHelp(
            "Keep the worker's health (broker reachable or not, since when) as JSON in this file.",
            valueName: "path"))
    public var healthFile: String?

    public init() {}
}
