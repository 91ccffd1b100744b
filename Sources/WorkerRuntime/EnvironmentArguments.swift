import ArgumentParser
import Foundation

/// A command line completed from the environment: every long option of a command that the
/// command line does not give can be given as `NEWS_<OPTION>`, the option's name in upper case
/// with `_` for `-` (`--log-level` is `NEWS_LOG_LEVEL`, `--exactly-once` is
/// `NEWS_EXACTLY_ONCE`).
///
/// A variable becomes the argument `--option=value` before any `--`, so ArgumentParser parses
/// and checks it exactly as the flag, and a flag on the command line always wins. A flag
/// (an option without a value) takes `true` or `false` (`1` or `0`); `false` leaves it off.
/// A repeatable option takes one value. An empty variable counts as unset, and a variable that
/// names no option of this command is left alone: one environment can serve every worker.
public struct EnvironmentArguments: Sendable {
    /// One argument a variable gave.
    public struct Given: Sendable, Equatable {
        public var variable: String
        /// The long option, without `--`.
        public var option: String
    }

    /// The command line with the environment's arguments added.
    public var arguments: [String]
    /// What the environment added, in the order of the command's options.
    public var given: [Given]

    public static let variablePrefix = "NEWS_"

    /// Long options no `NEWS_` variable gives: ArgumentParser's own `--help` and `--version`, and
    /// `--brokers`, whose variable has always been `KAFKA_BROKERS` (``ClientSettings``): one
    /// setting, one name.
    static let optionsNamedElsewhere: Set<String> = ["help", "version", "brokers"]

    /// The variable for the long option `option`: `log-level` gives `NEWS_LOG_LEVEL`.
    public static func variable(forOption option: String) -> String {
        variablePrefix + option.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Completes `commandLine` (the arguments after the program name) for `command` from
    /// `environment`. Only `command`'s own options are read, not its subcommands'.
    /// - Throws: `ValidationError` naming the variable when a flag's value is not a boolean.
    public init(
        commandLine: [String], command: any ParsableArguments.Type, environment: [String: String]
    ) throws {
        var added: [String] = []
        given = []
        for option in Self.options(of: command) {
            guard let long = option.longNames.first, !Self.optionsNamedElsewhere.contains(long) else { continue }
            let variable = Self.variable(forOption: long)
            guard let value = environment[variable], !value.isEmpty, !option.isGiven(in: commandLine) else {
                continue
            }
            if option.takesValue {
                added.append("--\(long)=\(value)")
            } else {
                switch value.lowercased() {
                case "true", "1": added.append("--\(long)")
                case "false", "0": break
                default:
                    throw ValidationError(
                        "environment variable \(variable)=\(value): --\(long) is a flag; set true or false (1 or 0)")
                }
            }
            given.append(Given(variable: variable, option: long))
        }
        let end = commandLine.firstIndex(of: "--") ?? commandLine.endIndex
        arguments = commandLine
        arguments.insert(contentsOf: added, at: end)
    }

    /// `error`, from parsing ``arguments``, reworded to name the variable when it is about an
    /// option the environment gave: ArgumentParser's message names only the option.
    public func attributing(_ error: any Error, message: String) -> any Error {
        guard let culprit = given.first(where: { Self.mentions(message, option: $0.option) }) else { return error }
        return ValidationError("environment variable \(culprit.variable) (--\(culprit.option)): \(message)")
    }

    /// Whether `message` names `--option` itself, not a longer option that starts the same.
    static func mentions(_ message: String, option: String) -> Bool {
        var rest = message[...]
        while let found = rest.range(of: "--\(option)") {
            let next = rest[found.upperBound...].first
            if next.map({ !$0.isLetter && !$0.isNumber && $0 != "-" }) ?? true { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// An option or flag as ArgumentParser describes it.
    struct OptionDescription: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var names: [Name]?

        var takesValue: Bool { kind == "option" }
        var longNames: [String] { (names ?? []).filter { $0.kind == "long" }.map(\.name) }

        /// Whether a token before any `--` is one of this option's names (`--name`,
        /// `--name=value`, `-n`).
        func isGiven(in commandLine: [String]) -> Bool {
            let tokens = commandLine.prefix { $0 != "--" }
            return (names ?? []).contains { name in
                switch name.kind {
                case "long": tokens.contains { $0 == "--\(name.name)" || $0.hasPrefix("--\(name.name)=") }
                case "short": tokens.contains("-\(name.name)")
                default: tokens.contains { $0 == "-\(name.name)" || $0.hasPrefix("-\(name.name)=") }
                }
            }
        }
    }

    /// The command's options and flags, from ArgumentParser's machine-readable description of it
    /// (the JSON behind `--experimental-dump-help`): every long option is covered, with no list
    /// to keep up to date.
    static func options(of command: any ParsableArguments.Type) -> [OptionDescription] {
        struct Description: Decodable {
            struct Command: Decodable { var arguments: [OptionDescription]? }
            var command: Command
        }
        // The tests run every worker with options from the environment, so a change of this
        // format in a later ArgumentParser cannot go unnoticed.
        let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8))
        return (description?.command.arguments ?? []).filter { $0.kind == "option" || $0.kind == "flag" }
    }
}
