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

    @Test func brokersComeFromFlagsThenEnvironmentThenFile() throws {
        let file = try propertiesFile("bootstrap.servers=file:1\n")
        let environment = ["KAFKA_BROKERS": "env:1"]
        #expect(try client(["-F", file]).bootstrapServers == ["file:1"])
        #expect(try client(["-F", file], environment: environment).bootstrapServers == ["env:1"])
        #expect(
            try client(["-F", file, "-X", "bootstrap.servers=x:1"], environment: environment).bootstrapServers
                == ["x:1"])
        let flagged = try client(
            ["-F", file, "-X", "bootstrap.servers=x:1", "--brokers", "b:1,b:2"], environment: environment)
        #expect(flagged.bootstrapServers == ["b:1", "b:2"])
        // One source of truth for the brokers: never also left among the pass-through properties.
        #expect(flagged.additional["bootstrap.servers"] == nil)
    }

    @Test func noBrokerAnywhereIsRefusedWithTheWaysToGiveOne() throws {
        let error = #expect(throws: ValidationError.self) { try client([]) }
        let message = try #require(error).message
        #expect(message.contains("--brokers") && message.contains("KAFKA_BROKERS") && message.contains("-F"))
    }

    @Test func anAssignmentWithoutKeyDoesNotEchoTheValue() throws {
        let error = #expect(throws: ValidationError.self) { try client(["--brokers", "a:1", "-X", "=hunter2"]) }
        #expect(try !#require(error).message.contains("hunter2"))
    }
}
