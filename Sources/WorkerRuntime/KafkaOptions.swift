import ArgumentParser
import Kafka

/// Broker connection flags every worker shares: `--brokers`, `-X key=value`, `-F FILE` and the
/// librdkafka runtime guard. ``ClientSettings`` adds the environment to them, between the flags
/// and the file.
public struct KafkaOptions: ParsableArguments, Sendable {
    @Option(
        name: .long,
        help: "Comma-separated bootstrap brokers (host:port). Default: the KAFKA_BROKERS environment variable.")
    public var brokers: String?

    @Option(
        name: .customShort("X"),
        help: ArgumentHelp(
            "Any librdkafka property, passed straight through (repeatable), e.g. -X security.protocol=SASL_SSL; "
                + "or KAFKA_SECURITY_PROTOCOL in the environment.",
            valueName: "key=value"))
    public var properties: [String] = []

    @Option(
        name: [.customShort("F"), .customLong("properties-file")],
        help: ArgumentHelp(
            "Read librdkafka properties from this file: key=value lines, # comments (as kcat -F). "
                + "Keeps secrets off the command line; -X and KAFKA_* variables override it.",
            valueName: "file"))
    public var propertiesFile: String?

    @Flag(
        help: "Run on a librdkafka runtime older than 2.1 (it cannot talk to brokers that send KIP-482 tagged fields).")
    public var allowOldLibrdkafka = false

    public init() {}

    /// What these flags, `environment` and the properties file add up to (see ``ClientSettings``).
    public func settings(environment: [String: String]) throws -> ClientSettings {
        try ClientSettings.resolve(
            brokers: brokers, assignments: properties, propertiesFile: propertiesFile, environment: environment)
    }

    /// Resolves flags, environment and the properties file into a client configuration.
    /// - Throws: `ValidationError` when no broker is given, or see
    ///   ``ClientSettings/resolve(brokers:assignments:propertiesFile:environment:)``.
    public func clientConfiguration(
        clientID: String,
        environment: [String: String]
    ) throws -> KafkaClientConfiguration {
        try settings(environment: environment).clientConfiguration(clientID: clientID)
    }
}
