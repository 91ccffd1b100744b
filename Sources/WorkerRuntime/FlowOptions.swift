import ArgumentParser

/// `--max-in-flight`, `--max-in-flight-bytes` and `--concurrency`, shared by every worker.
public struct FlowOptions: ParsableArguments, Sendable {
    @Option(help: "Records sent and not yet acknowledged at most.")
    public var maxInFlight = FlowLimits().maximumInFlightRecords

    @Option(help: ArgumentHelp("Bytes of records sent and not yet acknowledged at most.", valueName: "bytes"))
    public var maxInFlightBytes = FlowLimits().maximumInFlightBytes

    @Option(help: "Records processed at once, on as many cores. Default: the cores available.")
    public var concurrency = FlowLimits().concurrency

    public init() {}

    public func validate() throws {
        guard maxInFlight >= 1 else { throw ValidationError("--max-in-flight must be at least 1") }
        guard maxInFlightBytes >= 1 else { throw ValidationError("--max-in-flight-bytes must be at least 1") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    /// The limits these flags set.
    public var limits: FlowLimits {
        FlowLimits(
            maximumInFlightRecords: maxInFlight, maximumInFlightBytes: maxInFlightBytes, concurrency: concurrency)
    }
}
