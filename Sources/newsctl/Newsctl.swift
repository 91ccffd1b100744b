import ArgumentParser
import WorkerRuntime

@main
struct Newsctl: PipelineCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsctl",
        abstract: "Operate news-pipeline: parse files locally, run the whole pipeline, manage topics.",
        version: VersionText.withLibrdkafka,
        subcommands: [
            ParseCommand.self, RunCommand.self, TopicsCommand.self, LagCommand.self, TailCommand.self,
            DeadLetterCommand.self, ConfigCommand.self,
        ])
}
