import ArgumentParser
import Foundation
import Kafka
import WorkerRuntime

/// `newsctl config`: the client configuration that `--brokers`, `-X`, the `KAFKA_*` environment
/// and `-F` add up to, secrets masked, without connecting.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective client configuration (flags, environment, -F file), secrets masked.",
        discussion: """
            Prints one key=value line per librdkafka property, sorted, in the format -F reads. The \
            workers set their own client.id and defaults (group, acks, timeouts); -X, KAFKA_* \
            variables and -F override the defaults. \
            Secret values (passwords, client secrets, private keys) are shown as \(SecretProperty.mask). \
            KAFKA_* variables that name no librdkafka property are listed on standard error.
            """)

    @OptionGroup var kafka: KafkaOptions

    @Flag(
        help: """
            Start each line with where its value came from and a tab, as git config --show-origin: \
            --brokers, -X, env:VARIABLE, file:PATH, or default.
            """)
    var showOrigin = false

    func run() throws {
        let settings = try kafka.settings(environment: ProcessInfo.processInfo.environment)
        for variable in settings.ignoredVariables {
            FileHandle.standardError.write(
                Data("newsctl config: ignored \(variable): it names no librdkafka property\n".utf8))
        }
        let client = try settings.clientConfiguration(clientID: "newsctl")
        for (name, value) in SecretProperty.masking(client.properties()).sorted(by: { $0.key < $1.key }) {
            guard showOrigin else {
                print("\(name)=\(value)")
                continue
            }
            let origin =
                name == ClientSettings.brokersProperty ? settings.brokers?.origin : settings.properties[name]?.origin
            print("\(origin.map(String.init(describing:)) ?? "default")\t\(name)=\(value)")
        }
    }
}
