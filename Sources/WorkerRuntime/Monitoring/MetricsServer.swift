import FlyingFox
import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// The worker's one small HTTP server: `/metrics` (Prometheus text format), `/healthz`
/// (liveness) and `/readyz` (readiness), shared by everything in the process.
///
/// It runs beside the worker and stops last, so a scrape still sees the worker's shutdown. It
/// never stops the worker: a port already in use, or any other failure, is logged at error and
/// the worker goes on without it.
public struct MetricsServer: Service {
    /// Where it listens: an IPv4 or IPv6 address.
    public let host: String
    /// The port to listen on; 0 lets the kernel pick one (see ``listeningPort()``).
    public let port: UInt16
    public let registry: PrometheusCollectorRegistry
    public let status: WorkerStatus
    public let logger: Logger
    private let server: HTTPServer

    /// - Throws: ``MetricsServerError`` when `host` is not an IP address.
    public init(
        host: String, port: UInt16, registry: PrometheusCollectorRegistry, status: WorkerStatus, logger: Logger
    ) throws(MetricsServerError) {
        self.host = host
        self.port = port
        self.registry = registry
        self.status = status
        self.logger = logger
        // A scrape waits at most this long for a slow client: it must not hold a connection open.
        let timeout: TimeInterval = 5
        do {
            // The concrete address type, not sockaddr_storage: the server takes the socket's
            // family from the type.
            server =
                host.contains(":")
                ? HTTPServer(address: try .inet6(ip6: host, port: port), timeout: timeout, logger: .disabled)
                : HTTPServer(address: try .inet(ip4: host, port: port), timeout: timeout, logger: .disabled)
        } catch {
            throw MetricsServerError(message: "--metrics-host \(host) is not an IPv4 or IPv6 address")
        }
    }

    public func run() async throws {
        await server.appendRoute("GET /metrics") { [registry] _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: Data(registry.emitToBuffer()))
        }
        await server.appendRoute("GET /healthz") { [status] _ in Self.answer(status.liveness) }
        await server.appendRoute("GET /readyz") { [status] _ in Self.answer(status.readiness) }
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask { try await server.run() }
                    group.addTask {
                        guard (try? await server.waitUntilListening(timeout: 5)) != nil else { return }
                        let address = await displayAddress()
                        logger.info("serving /metrics, /healthz and /readyz on http://\(address)")
                    }
                }
            }
        } catch  where error is CancellationError || Task.isCancelled {
            // Shutdown: the worker has stopped; so does the server.
        } catch {
            logger.error(
                "metrics server on \(host):\(port) failed, the worker goes on without it: \(error)")
        }
    }

    /// The port it listens on once it runs; `nil` before and after.
    public func listeningPort() async -> Int? {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): Int(port)
        case .unix, nil: nil
        }
    }

    private func displayAddress() async -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "\(shown):\(await listeningPort().map(String.init) ?? "\(port)")"
    }

    private static func answer(_ probe: WorkerStatus.Probe) -> HTTPResponse {
        HTTPResponse(
            statusCode: probe.isPassing ? .ok : .serviceUnavailable,
            headers: [.contentType: "text/plain; charset=utf-8"], body: Data((probe.reason + "\n").utf8))
    }
}
