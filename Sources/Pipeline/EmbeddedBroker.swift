import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A local, memory-only Kafka-protocol broker (Tansu) started as a child process on a free
/// loopback port, for `newsctl run` without `--brokers`. Everything in it is gone when it stops.
public final class EmbeddedBroker: @unchecked Sendable {
    // @unchecked: `process` is set once in start() and read in stop(); both are called by the
    // one task that owns the broker, never concurrently.

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "no local broker binary: pass --broker-binary, set \(EmbeddedBroker.binaryEnvironmentVariable), put `tansu` on PATH, or give --brokers (scripts/run-seeds.sh installs one)"
        }
    }

    public struct StartFailed: Error, CustomStringConvertible {
        public var description: String
    }

    public static let binaryEnvironmentVariable = "NEWS_TANSU_BIN"

    public let binary: String
    private let logger: Logger
    private var process: Process?
    public private(set) var address: String?

    public init(binary: String, logger: Logger) {
        self.binary = binary
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

    /// Starts the broker and waits until it accepts connections. Returns its `host:port`.
    public func start(logFile: URL) throws -> String {
        let port = try Self.freeLoopbackPort()
        let url = "tcp://127.0.0.1:\(port)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["broker", "--listener-url", url, "--advertised-listener-url", url]
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw StartFailed(description: "could not start the local broker \(binary): \(error.localizedDescription)")
        }
        self.process = process
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw StartFailed(
                    description:
                        "the local broker exited at start (status \(process.terminationStatus)); see \(logFile.path)")
            }
            if Self.acceptsConnections(port: port) {
                let address = "127.0.0.1:\(port)"
                self.address = address
                logger.info(
                    "embedded broker started",
                    metadata: ["address": "\(address)", "pid": "\(process.processIdentifier)"])
                return address
            }
            usleep(50_000)
        }
        stop()
        throw StartFailed(description: "the local broker did not accept connections within 15 s; see \(logFile.path)")
    }

    public func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        logger.info("embedded broker stopped")
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
