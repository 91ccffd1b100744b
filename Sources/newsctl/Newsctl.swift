import ArgumentParser

@main
struct Newsctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsctl",
        abstract: "Operate news-pipeline: parse files locally, run the whole pipeline, manage topics.",
        subcommands: [
            ParseCommand.self, RunCommand.self, TopicsCommand.self, LagCommand.self, TailCommand.self,
            DeadLetterCommand.self,
        ])
}
