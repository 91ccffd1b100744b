import ArgumentParser
import Kafka

/// Broker connection flags every worker shares: `--brokers`, `-X key=value`, `-F FILE` and the
/// librdkafka runtime guard.
///
/// Flags win over the environment, and the environment over the file: the brokers are
/// `--brokers`, else `-X bootstrap.servers`, else `KAFKA_BROKERS`, else the file's
/// `bootstrap.servers`; any other property given with `-X` overrides the file's.
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

    @Option(
        name: [.customShort("F"), .customLong("properties-file")],
        help: ArgumentHelp(
            "Read librdkafka properties from this file: key=value lines, # comments (as kcat -F). "
                + "Keeps secrets off the command line; -X overrides it.",
            valueName: "file"))
    public var propertiesFile: String?

    @Flag(
        help: "Run on a librdkafka runtime older than 2.1 (it cannot talk to brokers that send KIP-482 tagged fields).")
    public var allowOldLibrdkafka = false

    public init() {}

    /// The environment variable read when `--brokers` is not given.
    public static let brokersEnvironmentVariable = "KAFKA_BROKERS"

    /// The librdkafka property that names the brokers, in `-X` and in the file.
    static let brokersProperty = "bootstrap.servers"

    /// Resolves flags, environment and the properties file into a client configuration.
    /// - Throws: `ValidationError` when no broker is given, a `-X` value is not `key=value`, or
    ///   the properties file is missing, unreadable or has a line that is not `key=value`.
    public func clientConfiguration(
        clientID: String,
        environment: [String: String]
    ) throws -> KafkaClientConfiguration {
        var fromFile = try propertiesFile.map(PropertiesFile.load(path:)) ?? [:]
        var fromFlags = try PropertyAssignment.parse(properties)
        let fileBrokers = fromFile.removeValue(forKey: Self.brokersProperty)
        let flagBrokers = fromFlags.removeValue(forKey: Self.brokersProperty)
        let candidates = [brokers, flagBrokers, environment[Self.brokersEnvironmentVariable], fileBrokers]
        guard let brokerList = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ValidationError(
                "no Kafka brokers: pass --brokers HOST:PORT, set \(Self.brokersEnvironmentVariable) "
                    + "or put bootstrap.servers in the -F file")
        }
        let servers = brokerList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return KafkaClientConfiguration(
            bootstrapServers: servers,
            clientID: clientID,
            additional: fromFile.merging(fromFlags) { _, flag in flag })
    }
}
