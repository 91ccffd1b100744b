import Foundation

/// Which librdkafka properties hold secrets, and how to show settings without them.
///
/// Everything that prints a configuration (descriptions, `newsctl config`, configuration
/// errors) goes through here, so a password given with `-X` or `-F` is never shown.
public enum SecretProperty {
    /// What is shown in place of a secret value.
    public static let mask = "[redacted]"

    /// librdkafka's properties flagged sensitive (`_RK_SENSITIVE` in rdkafka_conf.c) that the
    /// name patterns below would miss.
    private static let names: Set<String> = ["ssl_key", "sasl.oauthbearer.config"]

    /// Parts of a name that mark a secret: passwords, client secrets, passphrases and private
    /// keys given inline (`ssl.key.pem`), in librdkafka's properties and in properties of
    /// plugins or future versions alike. A key's location (`ssl.key.location`) is a path, and
    /// shown.
    private static let nameFragments = ["password", "secret", "passphrase", "key.pem", "private.key", "jaas"]

    /// Whether the value of the librdkafka property `name` is a secret.
    public static func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return names.contains(name) || nameFragments.contains { name.contains($0) }
    }

    /// `properties` with every secret value replaced by ``mask``.
    public static func masking(_ properties: [String: String]) -> [String: String] {
        var masked = properties
        for name in properties.keys where isSecret(name) {
            masked[name] = mask
        }
        return masked
    }

    /// `text` with the value of every secret property in `properties` replaced by ``mask``,
    /// for messages that may quote a value, such as librdkafka's reasons for rejecting one.
    static func scrubbing(_ text: String, of properties: [String: String]) -> String {
        properties.reduce(text) { text, property in
            guard isSecret(property.key), !property.value.isEmpty else { return text }
            return text.replacingOccurrences(of: property.value, with: mask)
        }
    }
}
