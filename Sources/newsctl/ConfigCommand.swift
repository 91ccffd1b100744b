import ArgumentParser
import Foundation
import Kafka
import WorkerRuntime

/// `newsctl config`: the client configuration that `--brokers`, `-X`, `-F` and `KAFKA_BROKERS`
/// add up to, secrets masked, without connecting.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective client configuration (brokers, -X, -F, environment), secrets masked.",
        discussion: """
            Prints one key=value line per librdkafka property, sorted, in the format -F reads. The \
            workers set their own client.id and defaults (group, acks, timeouts); -X and -F override \
            the defaults. \
            Secret values (passwords, client secrets, private keys) are shown as \(SecretProperty.mask).
            """)

    @OptionGroup var kafka: KafkaOptions

    func run() throws {
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        for (name, value) in SecretProperty.masking(client.properties()).sorted(by: { $0.key < $1.key }) {
            print("\(name)=\(value)")
        }
    }
}
