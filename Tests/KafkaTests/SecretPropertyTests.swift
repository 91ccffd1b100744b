import Testing

@testable import Kafka

@Suite struct SecretPropertyTests {
    private let secret = "hunter2-do-not-log"

    @Test func librdkafkasSensitivePropertiesAreSecret() {
        let secrets = [
            "sasl.password", "ssl.key.password", "ssl.keystore.password", "sasl.oauthbearer.client.secret",
            "ssl.key.pem", "ssl_key", "sasl.oauthbearer.config", "SASL.PASSWORD",
            "sasl.oauthbearer.assertion.private.key.passphrase", "sasl.oauthbearer.assertion.private.key.pem",
        ]
        for name in secrets { #expect(SecretProperty.isSecret(name), "\(name)") }
        let shown = [
            "sasl.username", "ssl.key.location", "ssl.certificate.pem", "security.protocol", "bootstrap.servers",
            "sasl.mechanisms",
        ]
        for name in shown { #expect(!SecretProperty.isSecret(name), "\(name)") }
    }

    @Test func descriptionsDumpsAndMirrorsOfConfigurationsMaskSecrets() {
        let client = KafkaClientConfiguration(
            bootstrapServers: ["a:1"], additional: ["sasl.password": secret, "sasl.username": "pipeline"])
        let consumer = ConsumerConfiguration(client: client, groupID: "g")
        let producer = ProducerConfiguration(client: client)
        var dumped = ""
        dump(consumer, to: &dumped)
        let shown = [
            String(describing: client), String(reflecting: client), String(describing: consumer),
            String(reflecting: producer), "\(producer)", dumped,
        ]
        for text in shown {
            #expect(!text.contains(secret), "\(text)")
            #expect(text.contains(SecretProperty.mask), "\(text)")
            #expect(text.contains("pipeline"), "\(text)")
        }
        // Masking is for showing only: the client still gets the secret.
        #expect(producer.properties()["sasl.password"] == secret)
    }

    @Test func aRejectedSecretPropertyIsNamedWithoutItsValue() {
        let client = KafkaClientConfiguration(
            bootstrapServers: ["127.0.0.1:9"], additional: ["no.such.password": secret])
        let error = #expect(throws: KafkaError.self) { try KafkaAdmin(configuration: client, logger: .quiet) }
        let message = error?.message ?? ""
        #expect(message.contains("no.such.password"), "\(message)")
        #expect(!message.contains(secret), "\(message)")
    }
}
