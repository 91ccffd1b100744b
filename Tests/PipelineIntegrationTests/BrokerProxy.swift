import Foundation
import NewsctlKit

/// `tansu proxy` between the workers and the test broker, on a fixed loopback port: stopping
/// it cuts every worker off the broker without losing what the broker holds, and starting it
/// again on the same port lets them reconnect.
final class BrokerProxy {
    let port: Int
    let origin: String
    private let binary: String
    private var child: ChildProcess?

    var address: String { "127.0.0.1:\(port)" }

    init(origin: String) throws {
        binary = try TestEnvironment.require(TestEnvironment.tansuBinary, "NEWS_TANSU_BIN")
        self.origin = origin
        port = try LoopbackPort.free()
    }

    /// Starts the proxy and waits until it accepts connections.
    func start() async throws {
        let url = "tcp://\(address)"
        let log = try TestEnvironment.temporaryDirectory().appendingPathComponent("proxy.log")
        child = try ChildProcess(
            executable: binary,
            arguments: [
                "proxy", "--listener-url", url, "--advertised-listener-url", url, "--origin-url", "tcp://\(origin)",
            ],
            standardOutput: .file(log.path), standardError: .file(log.path))
        let deadline = ContinuousClock.now + .seconds(15)
        while !LoopbackPort.acceptsConnections(port) {
            guard ContinuousClock.now < deadline else {
                throw ProxyError(description: "proxy did not start; see \(log.path)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Kills the proxy: open connections drop at once, as in a network failure.
    func stop() async {
        child?.send(SIGKILL)
        _ = await child?.waitForExit()
        child = nil
    }

    /// Kills the proxy without waiting, for clean-up that cannot wait.
    func kill() {
        child?.send(SIGKILL)
        child = nil
    }

    struct ProxyError: Error, CustomStringConvertible {
        var description: String
    }
}
