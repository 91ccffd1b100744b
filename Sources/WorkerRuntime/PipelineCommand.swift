import ArgumentParser
import Foundation
import Logging

/// The entry point every executable of the pipeline shares: the command line completed from
/// `NEWS_*` variables (``EnvironmentArguments``), and, with `--log-format json`, an error that
/// ArgumentParser would print (a bad flag value, a missing option) written as one JSON log line,
/// like every other error.
///
/// Only the root command's own options are read from the environment, so `newsctl`, whose
/// options all belong to its subcommands, reads none.
public protocol PipelineCommand: AsyncParsableCommand {}

extension PipelineCommand {
    /// Parses the command line and the environment, runs the command, and exits.
    public static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            let completed = try EnvironmentArguments(
                commandLine: arguments, command: Self.self, environment: ProcessInfo.processInfo.environment)
            arguments = completed.arguments
            do {
                command = try parseAsRoot(arguments)
            } catch {
                throw completed.attributing(error, message: message(for: error))
            }
        } catch {
            exit(reporting: error, arguments: arguments)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error, arguments: arguments)
        }
        exit(reporting: nil, arguments: arguments)
    }

    /// Exits as ArgumentParser does, but writes an error message as a JSON log line when
    /// `arguments` ask for `--log-format json`. Help and `--version` stay plain text on stdout.
    private static func exit(reporting error: (any Error)?, arguments: [String]) -> Never {
        guard let error, exitCode(for: error) != .success, logFormat(in: arguments) == .json else {
            exit(withError: error)
        }
        let text = message(for: error)
        if !text.isEmpty {
            let logger = Logger(label: configuration.commandName ?? "\(Self.self)") { JSONLogHandler(label: $0) }
            logger.error("\(text)")
        }
        Foundation.exit(exitCode(for: error).rawValue)
    }

    /// The last `--log-format` before any `--`, as ArgumentParser would take it, whether or not
    /// the rest of the command line parses.
    private static func logFormat(in arguments: [String]) -> LogFormat? {
        let tokens = Array(arguments.prefix { $0 != "--" })
        var format: LogFormat?
        for (index, token) in tokens.enumerated() {
            if token == "--log-format", index + 1 < tokens.count {
                format = LogFormat(rawValue: tokens[index + 1])
            } else if token.hasPrefix("--log-format=") {
                format = LogFormat(rawValue: String(token.dropFirst("--log-format=".count)))
            }
        }
        return format
    }
}
