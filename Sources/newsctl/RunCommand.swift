import ArgumentParser
import Foundation
import NewsctlKit
import Pipeline
import WorkerRuntime

/// `newsctl run`: the whole pipeline locally, with an embedded broker unless --brokers is given.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run producer, enrichers and sink on PATHs and write JSON Lines; starts a local broker if needed.",
        discussion: """
            The stages run at the same time, as in production, each as its own process. The run ends \
            once every published article is in the output or dead-lettered: the enricher group has \
            committed past the end of articles.raw, then the sink group past the end of \
            articles.enriched. Ctrl-C (SIGINT) or SIGTERM stops the workers, then the broker, and \
            exits 130 or 143; the workers and the embedded broker are killed with newsctl if it dies. \
            With the embedded broker, JSON Lines files an earlier run left in --output are replaced. \
            The workers get -X, -F and --log-format, and inherit the environment (KAFKA_*, NEWS_*).
            """)

    @Option(help: "Directory for the JSON Lines output.")
    var output = "out"

    @Option(help: "Number of enricher processes.")
    var enrichers = 2

    @Option(
        help: "Use this broker instead of starting an embedded one (also KAFKA_BROKERS, -X or -F bootstrap.servers).")
    var brokers: String?

    @Option(help: "The Tansu broker binary to embed (default: NEWS_TANSU_BIN, then tansu on PATH).")
    var brokerBinary: String?

    @Option(
        name: .customShort("X"),
        help: ArgumentHelp("librdkafka property for every worker (repeatable).", valueName: "key=value"))
    var properties: [String] = []

    @Option(
        name: [.customShort("F"), .customLong("properties-file")],
        help: ArgumentHelp(
            "librdkafka properties file for every worker (key=value lines, as kcat -F); -X overrides it.",
            valueName: "file"))
    var propertiesFile: String?

    @Option(help: "Log level of the worker processes.")
    var workerLogLevel = "warning"

    @OptionGroup var logging: LoggingOptions

    @Argument(help: "Files or directories of articles.")
    var paths: [String]

    func validate() throws {
        guard enrichers >= 1 else { throw ValidationError("--enrichers must be at least 1") }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        // Resolved now, so that a bad file or variable stops the run before the broker starts;
        // the workers resolve the same sources again, and inherit the environment.
        let settings = try ClientSettings.resolve(
            brokers: brokers, assignments: properties, propertiesFile: propertiesFile,
            environment: ProcessInfo.processInfo.environment)
        let run = LocalPipelineRun(
            configuration: .init(
                paths: paths,
                outputDirectory: output,
                enrichers: enrichers,
                settings: settings,
                brokerBinary: brokerBinary,
                executablesDirectory: Self.executablesDirectory(),
                properties: properties,
                propertiesFile: propertiesFile,
                workerLogLevel: workerLogLevel,
                workerLogFormat: logging.logFormat),
            logger: logger)
        let summary: LocalPipelineRun.Summary
        do {
            summary = try await run.run { Self.emit("newsctl: \($0)") }
        } catch let interrupted as LocalPipelineRun.Interrupted {
            FileHandle.standardError.write(Data("newsctl run: \(interrupted)\n".utf8))
            throw ExitCode(128 + interrupted.signal)
        } catch {
            FileHandle.standardError.write(Data("newsctl run: \(error)\n".utf8))
            throw ExitCode.failure
        }
        Self.emit(
            "newsctl: \(summary.outputLines) articles in \(summary.outputFiles.count) JSON Lines file(s) in \(output); \(summary.deadLettered) dead-lettered"
        )
        for file in summary.outputFiles { Self.emit("  \(file)") }
        if !summary.succeeded { throw ExitCode.failure }
    }

    /// Writes `line` at once: `print` holds lines back until exit when standard output is a
    /// pipe or a file, and progress is only useful as it happens.
    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The worker executables are built next to newsctl.
    private static func executablesDirectory() -> URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
