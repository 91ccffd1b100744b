import CRDKafka

/// Turns a property dictionary into an `rd_kafka_conf_t`, reporting the first property
/// librdkafka rejects by name.
enum RDKafkaConfigBuilder {
    /// Returns a new `rd_kafka_conf_t`. The caller owns it until it hands it to `rd_kafka_new`
    /// (which takes it over on success) or destroys it.
    static func makeConfiguration(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        guard let configuration = rd_kafka_conf_new() else {
            throw KafkaError(kind: .configuration, message: "librdkafka could not allocate a configuration")
        }
        // Sorted so that the error for several bad properties is always about the same one.
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            var reason = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(configuration, name, value, &reason, reason.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                let shownValue = SecretProperty.isSecret(name) ? SecretProperty.mask : value
                let shownReason = SecretProperty.scrubbing(String(nulTerminated: reason), of: properties)
                throw KafkaError(
                    kind: .configuration,
                    message: "librdkafka property \(name)=\"\(shownValue)\" rejected: \(shownReason); "
                        + "fix or remove it (librdkafka \(RDKafkaVersion.string))"
                )
            }
        }
        return configuration
    }
}

extension LibrdkafkaRuntime {
    /// How the loaded librdkafka takes `value` for the property `name`, asked of a scratch
    /// configuration that is destroyed at once: no client is created and nothing connects.
    /// A rejection's reason has a secret value (``SecretProperty``) masked.
    public static func check(property name: String, value: String) -> PropertyCheck {
        guard let configuration = rd_kafka_conf_new() else {
            return .rejected(reason: "librdkafka could not allocate a configuration")
        }
        defer { rd_kafka_conf_destroy(configuration) }
        var reason = [CChar](repeating: 0, count: 512)
        switch rd_kafka_conf_set(configuration, name, value, &reason, reason.count) {
        case RD_KAFKA_CONF_OK: return .accepted
        case RD_KAFKA_CONF_UNKNOWN: return .unknown
        default: return .rejected(reason: SecretProperty.scrubbing(String(nulTerminated: reason), of: [name: value]))
        }
    }
}
