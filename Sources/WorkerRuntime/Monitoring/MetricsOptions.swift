import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--metrics-port` and `--metrics-host` for every worker.
public struct MetricsOptions: ParsableArguments, Sendable {
    @Option(
        help: ArgumentHelp(
            "Serve /metrics (Prometheus), /healthz and /readyz over HTTP on this port; 0, the default, turns them off.",
            valueName: "port"))
    public var metricsPort = 0

    @Option(
        help: ArgumentHelp(
            "Address the metrics server listens on: loopback by default; 0.0.0.0 (or ::) to let a scraper in from outside.",
            valueName: "address"))
    public var metricsHost = "127.0.0.1"

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(metricsPort) else {
            throw ValidationError("--metrics-port must be between 0 (off) and 65535, not \(metricsPort)")
        }
        guard Self.isIPAddress(metricsHost) else {
            throw ValidationError(
                "--metrics-host must be an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0, not \(metricsHost)")
        }
    }

    static func isIPAddress(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, text, &address) == 1 || inet_pton(AF_INET6, text, &address) == 1
    }
}
