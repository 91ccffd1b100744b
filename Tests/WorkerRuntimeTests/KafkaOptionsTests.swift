import ArgumentParser
import Foundation
import Kafka
import Testing
import WorkerRuntime

@Suite struct KafkaOptionsTests {
    private func propertiesFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-options-\(UUID()).properties")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    private func client(_ arguments: [String], environment: [String: String] = [:]) throws
        -> KafkaClientConfiguration
    {
        try KafkaOptions.parse(arguments).clientConfiguration(clientID: "test", environment: environment)
    }

    @Test func flagsOverrideTheFile() throws {
        let file = try propertiesFile("linger.ms=7\nsasl.username=from-file\nacks=1\n")
        let client = try client(["--brokers", "a:1", "-F", file, "-X", "linger.ms=9"])
        #expect(client.additional == ["linger.ms": "9", "sasl.username": "from-file", "acks": "1"])
    }

    @Test func theEnvironmentGivesWhatNoFlagDoes() throws {
        let client = try client(
            ["-X", "linger.ms=9"], environment: ["KAFKA_BROKERS": "env:1", "KAFKA_LINGER_MS": "8", "KAFKA_ACKS": "1"])
        #expect(client.bootstrapServers == ["env:1"])
        #expect(client.additional == ["linger.ms": "9", "acks": "1"])
    }

    @Test func anAssignmentWithoutKeyDoesNotEchoTheValue() throws {
        let error = #expect(throws: ValidationError.self) { try client(["--brokers", "a:1", "-X", "=hunter2"]) }
        #expect(try !#require(error).message.contains("hunter2"))
    }
}
