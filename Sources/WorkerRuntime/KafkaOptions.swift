import ArgumentParser
import Kafka

/// Broker connection flags every worker shares: `--brokers`, `-X key=value` and the librdkafka
/// runtime guard.
public struct KafkaOptions: ParsableArguments, Sendable {
    @Option(
        name: .long,
        help: "Comma-separated bootstrap brokers (host:port). Default: the KAFKA_BROKERS environment variable.")
    public var brokers: String?

    @Option(
        name: .customShort("X"),
        help: ArgumentHelp(
            "Any librdkafka property, passed straight through (repeatable), e.g. -X security.protocol=SASL_SSL.",
            valueName: "key=value"))
    public var properties: [String] = []

    @Flag(
        help: "Run on a librdkafka runtime older than 2.1 (it cannot talk to brokers that send KIP-482 tagged fields).")
    public var allowOldLibrdkafka = false

    public init() {}

    /// The environment variable read when `--brokers` is not given.
    public static let brokersEnvironmentVariable = "KAFKA_BROKERS"

    /// Resolves flags and environment into a client configuration.
    /// - Throws: `ValidationError` when no broker is given or a `-X` value is not `key=value`.
    public func clientConfiguration(
        clientID: String,
        environment: [String: String]
    ) throws -> KafkaClientConfiguration {
        guard let brokerList = brokers ?? environment[Self.brokersEnvironmentVariable], !brokerList.isEmpty else {
            throw ValidationError(
                "no Kafka brokers: pass --brokers HOST:PORT or set \(Self.brokersEnvironmentVariable)")
        }
        let servers = brokerList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return KafkaClientConfiguration(
            bootstrapServers: servers,
            clientID: clientID,
            additional: try PropertyAssignment.parse(properties))
    }
}
