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
