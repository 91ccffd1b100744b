import ArgumentParser
import Foundation
import Testing
import WorkerRuntime

@Suite struct ClientSettingsTests {
    private func propertiesFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("client-settings-\(UUID()).properties")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    private func resolve(
        brokers: String? = nil, flags assignments: [String] = [], file: String? = nil,
        _ environment: [String: String] = [:]
    ) throws -> ClientSettings {
        try ClientSettings.resolve(
            brokers: brokers, assignments: assignments, propertiesFile: file, environment: environment)
    }

    @Test func theEnvironmentSitsBetweenFlagsAndTheFile() throws {
        let file = try propertiesFile("linger.ms=7\nacks=1\nbatch.size=1000\n")
        let settings = try resolve(
            flags: ["linger.ms=9"], file: file,
            ["KAFKA_LINGER_MS": "8", "KAFKA_ACKS": "all"])
        #expect(settings.properties["linger.ms"] == .init(value: "9", origin: .flag("-X")))
        #expect(settings.properties["acks"] == .init(value: "all", origin: .environment("KAFKA_ACKS")))
        #expect(settings.properties["batch.size"] == .init(value: "1000", origin: .file(file)))
    }

    @Test func variableNamesFollowTheUnderscoreForDotRule() throws {
        let settings = try resolve(
            [
                "KAFKA_SASL_PASSWORD": "s3cret", "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM": "none",
            ])
        #expect(settings.properties["sasl.password"]?.value == "s3cret")
        #expect(settings.properties["ssl.endpoint.identification.algorithm"]?.value == "none")
        #expect(settings.properties["sasl.password"]?.origin == .environment("KAFKA_SASL_PASSWORD"))
    }

    @Test func brokersComeFromTheFlagThenXThenEitherVariableThenTheFile() throws {
        let file = try propertiesFile("bootstrap.servers=file:1\n")
        #expect(try resolve(file: file).brokers == .init(value: "file:1", origin: .file(file)))
        #expect(
            try resolve(file: file, ["KAFKA_BOOTSTRAP_SERVERS": "env:1"]).brokers
                == .init(value: "env:1", origin: .environment("KAFKA_BOOTSTRAP_SERVERS")))
        #expect(
            try resolve(file: file, ["KAFKA_BROKERS": "env:2"]).brokers
                == .init(value: "env:2", origin: .environment("KAFKA_BROKERS")))
        #expect(
            try resolve(flags: ["bootstrap.servers=x:1"], file: file, ["KAFKA_BROKERS": "env:2"]).brokers?.value
                == "x:1")
        #expect(try resolve(brokers: "b:1", flags: ["bootstrap.servers=x:1"]).brokers?.value == "b:1")
    }

    @Test func twoBrokerVariablesThatDisagreeAreRefusedUnlessAFlagDecides() throws {
        let environment = ["KAFKA_BROKERS": "a:1", "KAFKA_BOOTSTRAP_SERVERS": "b:1"]
        let error = #expect(throws: ValidationError.self) { try resolve(environment) }
        #expect(try #require(error).message.contains("KAFKA_BOOTSTRAP_SERVERS and KAFKA_BROKERS"))
        #expect(try resolve(brokers: "c:1", environment).brokers?.value == "c:1")
    }

    @Test func aValueLibrdkafkaRefusesNamesTheVariableButNoSecret() throws {
        let error = #expect(throws: ValidationError.self) { try resolve(["KAFKA_LINGER_MS": "soon"]) }
        let message = try #require(error).message
        #expect(message.contains("KAFKA_LINGER_MS") && message.contains("linger.ms"), "\(message)")
        // A flag that overrides the variable wins without the variable being looked at.
        #expect(try resolve(flags: ["linger.ms=5"], ["KAFKA_LINGER_MS": "soon"]).properties["linger.ms"]?.value == "5")
    }

    @Test func variablesThatNameNoPropertyAreIgnored() throws {
        // Kubernetes sets these for a Service named kafka; Kafka's own scripts read KAFKA_HOME.
        let settings = try resolve(
            [
                "KAFKA_PORT": "tcp://10.0.0.1:9092", "KAFKA_SERVICE_HOST": "10.0.0.1", "KAFKA_HOME": "/opt/kafka",
                "KAFKA_": "x", "KAFKAESQUE": "y", "NEWS_LINGER_MS": "3", "KAFKA_LINGER_MS": "",
            ])
        #expect(settings.properties.isEmpty)
        #expect(settings.ignoredVariables == ["KAFKA_HOME", "KAFKA_PORT", "KAFKA_SERVICE_HOST"])
    }

    @Test func noBrokerAnywhereIsRefusedWithTheWaysToGiveOne() throws {
        let error = #expect(throws: ValidationError.self) {
            try resolve(["KAFKA_BROKERS": ""]).clientConfiguration(clientID: "test")
        }
        let message = try #require(error).message
        #expect(message.contains("--brokers") && message.contains("KAFKA_BROKERS") && message.contains("-F"))
    }
}
