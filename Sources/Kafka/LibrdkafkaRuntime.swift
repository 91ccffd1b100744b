/// The librdkafka shared library this process loaded, and whether it is new enough.
public enum LibrdkafkaRuntime {
    /// librdkafka's own version text, such as `2.16.0` (`rd_kafka_version_str()`).
    public static var versionString: String { RDKafkaVersion.string }

    /// librdkafka's version as `0xMMmmrrxx` (`rd_kafka_version()`): major, minor, revision, pre-release.
    public static var version: Int { RDKafkaVersion.number }

    /// What ``check(property:value:)`` found.
    public enum PropertyCheck: Sendable, Equatable {
        /// librdkafka knows the property and takes the value.
        case accepted
        /// No property of that name in this librdkafka.
        case unknown
        /// librdkafka knows the property but refuses the value, for `reason`.
        case rejected(reason: String)
    }

    /// The oldest librdkafka this module accepts: 2.1.0.
    public static let minimumSupportedVersion: Int = 0x0201_0000

    /// Throws ``KafkaError/Kind-swift.enum/unsupportedRuntime`` when the loaded librdkafka is older
    /// than ``minimumSupportedVersion``, with a message that explains why and how to load a newer one.
    public static func checkSupported() throws(KafkaError) {
        try checkSupported(version: version, versionString: versionString)
    }

    static func checkSupported(version: Int, versionString: String) throws(KafkaError) {
        guard version < minimumSupportedVersion else { return }
        throw KafkaError(
            kind: .unsupportedRuntime,
            message: """
                librdkafka \(versionString) is loaded but \(describe(version: minimumSupportedVersion)) or newer \
                is required: librdkafka before 2.1 mis-reads KIP-482 tagged fields and fails every broker \
                connection with "ApiVersionRequest failed: Local: Read underflow" against brokers that send \
                them (such as the local Tansu broker). Put a directory holding a newer librdkafka.so.1 first \
                on LD_LIBRARY_PATH (the project scripts do this), or install librdkafka 2.1 or newer.
                """
        )
    }

    /// `major.minor.revision` of a `0xMMmmrrxx` version number.
    static func describe(version: Int) -> String {
        let major = (version >> 24) & 0xff
        let minor = (version >> 16) & 0xff
        let revision = (version >> 8) & 0xff
        return "\(major).\(minor).\(revision)"
    }
}
