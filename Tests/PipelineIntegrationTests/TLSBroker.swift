import Foundation
import NewsctlKit
import Testing

/// A broker that clients reach over TLS only: a memory-only Tansu broker of its own on a plain
/// loopback port, with stunnel in front of it on a second port, the one the broker advertises.
/// Tansu has no TLS listener; advertising stunnel's port sends every connection after the
/// bootstrap through TLS too. The shared test broker cannot serve here: it advertises its
/// plain port.
final class TLSBroker {
    /// `host:port` of the TLS front end, for `--brokers`.
    let address: String
    /// stunnel's log, at level info: it records each TLS handshake.
    let tunnelLog: URL
    private let broker: ChildProcess
    private let tunnel: ChildProcess

    private static let startTimeout: Duration = .seconds(15)

    /// Starts broker and stunnel and waits until both accept connections.
    ///
    /// - Parameters:
    ///   - certificate: The certificate stunnel presents.
    ///   - clientCA: When given, stunnel requires a client certificate signed by this CA
    ///     (mutual TLS).
    init(certificate: CertificateAuthority.Issued, clientCA: String? = nil) async throws {
        let tansu = try TestEnvironment.require(TestEnvironment.tansuBinary, "NEWS_TANSU_BIN")
        let stunnel = try TestEnvironment.program("stunnel4", debianPackage: "stunnel4")
        let directory = try TestEnvironment.temporaryDirectory()
        let plainPort = try LoopbackPort.free()
        let tlsPort = try LoopbackPort.free()
        address = "127.0.0.1:\(tlsPort)"
        tunnelLog = directory.appendingPathComponent("stunnel.log")

        let brokerLog = directory.appendingPathComponent("broker.log").path
        broker = try ChildProcess(
            executable: tansu,
            arguments: [
                "broker", "--listener-url", "tcp://127.0.0.1:\(plainPort)", "--advertised-listener-url",
                "tcp://\(address)",
            ],
            standardOutput: .file(brokerLog), standardError: .file(brokerLog), tiedToParent: true)

        var configuration = """
            foreground = yes
            pid =
            debug = info
            [kafka]
            accept = \(address)
            connect = 127.0.0.1:\(plainPort)
            cert = \(certificate.certificate)
            key = \(certificate.key)

            """
        if let clientCA {
            configuration += "verify = 2\nCAfile = \(clientCA)\n"
        }
        let configurationFile = directory.appendingPathComponent("stunnel.conf").path
        try configuration.write(toFile: configurationFile, atomically: true, encoding: .utf8)
        do {
            tunnel = try ChildProcess(
                executable: stunnel, arguments: [configurationFile],
                standardOutput: .file(tunnelLog.path), standardError: .file(tunnelLog.path), tiedToParent: true)
        } catch {
            broker.send(SIGKILL)
            throw error
        }

        let deadline = ContinuousClock.now + Self.startTimeout
        for (port, log) in [(plainPort, brokerLog), (tlsPort, tunnelLog.path)] {
            while !LoopbackPort.acceptsConnections(port) {
                guard ContinuousClock.now < deadline, broker.isRunning, tunnel.isRunning else {
                    throw LoopbackPort.Unavailable(
                        description: "nothing listens on 127.0.0.1:\(port) after start; see \(log)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// Kills stunnel and the broker when the test lets go of them, whether it passed or threw;
    /// each child's own thread reaps it.
    deinit {
        tunnel.send(SIGKILL)
        broker.send(SIGKILL)
    }

    /// How many TLS handshakes stunnel has completed so far.
    func tlsSessions() -> Int {
        let log = (try? String(contentsOf: tunnelLog, encoding: .utf8)) ?? ""
        return log.components(separatedBy: "TLS accepted:").count - 1
    }
}
