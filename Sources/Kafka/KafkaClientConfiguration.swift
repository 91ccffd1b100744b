/// Settings shared by producers, consumers and admin clients.
public struct KafkaClientConfiguration: Sendable {
    /// `host:port` of one or more brokers to start from (librdkafka's `bootstrap.servers`, no default).
    public var bootstrapServers: [String]
    /// Name sent to the brokers in every request (librdkafka's `client.id`, librdkafka default
    /// `rdkafka`); `"news-pipeline"` by default.
    public var clientID: String
    /// Any librdkafka property, applied after everything else so that it wins. Useful for
    /// properties this type does not model, and for tests (`test.mock.num.brokers`).
    public var additional: [String: String]
    /// Receives the producer's and the consumer's statistics every `statisticsInterval`
    /// (librdkafka's `statistics.interval.ms`, off by default), on the client's poll thread: it
    /// must not block. Admin clients never report them. `nil` turns statistics off.
    public var statisticsHandler: (@Sendable (KafkaStatistics) -> Void)?
    /// How often a client with a `statisticsHandler` reports; 5 s by default.
    public var statisticsInterval: Duration = .seconds(5)

    /// Creates client settings.
    ///
    /// - Parameters:
    ///   - bootstrapServers: `host:port` of the brokers to start from.
    ///   - clientID: The client name the brokers see.
    ///   - additional: librdkafka properties that override everything else.
    public init(
        bootstrapServers: [String],
        clientID: String = KafkaDefaults.clientID,
        additional: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.additional = additional
    }

    /// The librdkafka properties of these settings alone, without `additional`.
    var baseProperties: [String: String] {
        var properties = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
        ]
        if statisticsHandler != nil {
            properties["statistics.interval.ms"] = "\(statisticsInterval.wholeMilliseconds)"
        }
        return properties
    }

    /// Every librdkafka property these settings give an admin client, `additional` last.
    /// Secret values are included: show ``SecretProperty/masking(_:)`` of it, never this.
    public func properties() -> [String: String] {
        baseProperties.merging(additional) { _, additional in additional }
    }
}

// These settings end up in descriptions that are logged (swift-service-lifecycle logs each
// service, configuration included, at debug level), printed and dumped; all three ways of
// showing them mask secret properties (see ``SecretProperty``).
extension KafkaClientConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let shown = SecretProperty.masking(additional).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "KafkaClientConfiguration(bootstrapServers: \(bootstrapServers), clientID: \(clientID), "
            + "additional: [\(shown)])"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "bootstrapServers": bootstrapServers, "clientID": clientID,
                "additional": SecretProperty.masking(additional),
            ],
            displayStyle: .struct)
    }
}
