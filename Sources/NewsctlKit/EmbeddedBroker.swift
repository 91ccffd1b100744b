import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A local, memory-only Kafka-protocol broker (Tansu) started as a child process on a free
/// loopback port, for `newsctl run` without `--brokers`. Everything in it is gone when it stops.
public final class EmbeddedBroker: Sendable {
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "no local broker binary: pass --broker-binary, set \(EmbeddedBroker.binaryEnvironmentVariable), put `tansu` on PATH, or give --brokers (scripts/run-seeds.sh installs one)"
        }
    }

    public struct StartFailed: Error, CustomStringConvertible {
        public var description: String
    }

    public static let binaryEnvironmentVariable = "NEWS_TANSU_BIN"
    /// How long the broker may take to exit after SIGTERM before it is killed.
    private static let stopGracePeriod: Duration = .seconds(5)
    private static let startTimeout: Duration = .seconds(15)

    /// `host:port` the broker listens on.
    public let address: String
    private let child: ChildProcess
    private let logger: Logger

    private init(address: String, child: ChildProcess, logger: Logger) {
        self.address = address
        self.child = child
        self.logger = logger
    }

    /// The broker binary: the explicit path, else `NEWS_TANSU_BIN`, else `tansu` on PATH.
    public static func locateBinary(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment[binaryEnvironmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/tansu"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw NotFound()
    }

    /// Starts the broker and waits until it accepts connections.
    ///
    /// - Parameters:
    ///   - binary: The Tansu executable.
    ///   - logFile: Receives the broker's output.
    /// - Throws: ``StartFailed`` when it cannot be started or does not listen within 15 s.
    public static func start(binary: String, logFile: URL, logger: Logger) async throws -> EmbeddedBroker {
        let port = try freeLoopbackPort()
        let url = "tcp://127.0.0.1:\(port)"
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: binary,
                arguments: ["broker", "--listener-url", url, "--advertised-listener-url", url],
                standardOutput: .file(logFile.path),
                standardError: .file(logFile.path),
                tiedToParent: true)
        } catch {
            throw StartFailed(description: "could not start the local broker: \(error)")
        }
        let deadline = ContinuousClock.now + startTimeout
        while ContinuousClock.now < deadline {
            if let status = child.exitStatus {
                throw StartFailed(
                    description: "the local broker exited at start (status \(status)); see \(logFile.path)")
            }
            if acceptsConnections(port: port) {
                let broker = EmbeddedBroker(address: "127.0.0.1:\(port)", child: child, logger: logger)
                logger.info(
                    "embedded broker started", metadata: ["address": "\(broker.address)", "pid": "\(child.pid)"])
                return broker
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        _ = await child.terminate(gracePeriod: stopGracePeriod)
        throw StartFailed(description: "the local broker did not accept connections within 15 s; see \(logFile.path)")
    }

    /// Stops the broker: SIGTERM, then SIGKILL if it has not exited within a few seconds.
    public func stop() async {
        let status = await child.terminate(gracePeriod: Self.stopGracePeriod)
        logger.info("embedded broker stopped", metadata: ["status": "\(status)"])
    }

    private static func freeLoopbackPort() throws -> UInt16 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw StartFailed(description: "no socket for a free port: errno \(errno)") }
        defer { close(socketDescriptor) }
        var address = loopbackAddress(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketDescriptor, pointer, length) == 0 && getsockname(socketDescriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw StartFailed(description: "could not find a free loopback port: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func acceptsConnections(port: UInt16) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = loopbackAddress(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
