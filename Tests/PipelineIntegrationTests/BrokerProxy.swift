import Foundation
import NewsctlKit

#if canImport(Glibc)
    import Glibc
#endif

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
        port = try Self.freePort()
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
        while !Self.acceptsConnections(port: port) {
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

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw ProxyError(description: "no free loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func acceptsConnections(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
