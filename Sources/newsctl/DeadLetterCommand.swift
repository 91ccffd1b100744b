import ArgumentParser

/// `newsctl dlq`: work with the dead-letter topic.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "Work with the dead-letter topic.",
        subcommands: [DeadLetterReplayCommand.self])
}
