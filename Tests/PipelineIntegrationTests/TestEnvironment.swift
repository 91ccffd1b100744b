import Foundation
import Testing

/// What the integration tests need from `scripts/test.sh`: a running broker, the Tansu binary,
/// the project's Python with confluent-kafka. Without them the tests are skipped on a developer
/// machine and fail under CI=true, so CI can never pass by skipping them.
enum TestEnvironment {
    static let variables = ProcessInfo.processInfo.environment

    static var isCI: Bool { variables["CI"] == "true" }

    static var brokers: String? { variables["NEWS_TEST_BROKERS"].flatMap { $0.isEmpty ? nil : $0 } }
    static var tansuBinary: String? { variables["NEWS_TANSU_BIN"] }
    static var python: String? { variables["NEWS_PYTHON"] }

    /// Run broker tests when a broker is given, and always under CI so a missing one fails.
    static var brokerTestsEnabled: Bool { brokers != nil || isCI }

    static func requireBrokers() throws -> String {
        try #require(
            brokers, "NEWS_TEST_BROKERS is not set: run the tests with scripts/test.sh, which starts a local broker")
    }

    static func require(_ value: String?, _ name: String) throws -> String {
        try #require(value, "\(name) is not set: run the tests with scripts/test.sh")
    }

    /// The path of `name` on PATH, for programs scripts/lib/environment.sh installs from
    /// Debian packages (`debianPackage`).
    static func program(_ name: String, debianPackage: String) throws -> String {
        let directories = (variables["PATH"] ?? "").split(separator: ":")
        let path = directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(
            path, "\(name) is not on PATH: install Debian's \(debianPackage), as scripts/test.sh does")
    }

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seedsDirectory: URL { repositoryRoot.appendingPathComponent("seeds") }

    /// A name no other test or earlier run uses, for topics, groups and directories.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(uniqueName("news-pipeline-test"))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
