import ArgumentParser
import Kafka

/// The librdkafka settings that flags, environment and a properties file add up to, each with
/// where it came from.
///
/// Flags win over the environment, and the environment over the file:
/// - the brokers are `--brokers`, else `-X bootstrap.servers`, else `KAFKA_BROKERS` (or
///   `KAFKA_BOOTSTRAP_SERVERS`), else the file's `bootstrap.servers`;
/// - any other property is `-X name=value`, else the variable `KAFKA_<NAME>`, else the file's.
///
/// A variable names a property as Confluent's images name them: after `KAFKA_`, lower case with
/// `.` for each `_` (`KAFKA_SASL_PASSWORD` is `sasl.password`); no property a user can set has
/// an `_` of its own. An empty variable counts as unset.
public struct ClientSettings: Sendable, Equatable {
    /// Where a value came from, as `newsctl config --show-origin` prints it.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        /// A command-line flag: `--brokers` or `-X`.
        case flag(String)
        /// An environment variable.
        case environment(String)
        /// The properties file (`-F`) at this path.
        case file(String)

        public var description: String {
            switch self {
            case .flag(let flag): flag
            case .environment(let variable): "env:\(variable)"
            case .file(let path): "file:\(path)"
            }
        }
    }

    /// A value and its origin.
    public struct Setting: Sendable, Equatable {
        public var value: String
        public var origin: Origin

        public init(value: String, origin: Origin) {
            self.value = value
            self.origin = origin
        }
    }

    /// The bootstrap brokers (`bootstrap.servers`), when some source names them.
    public var brokers: Setting?
    /// Every other librdkafka property, by name.
    public var properties: [String: Setting]
    /// `KAFKA_` variables that name no property of the loaded librdkafka, left alone: other
    /// programs' (`KAFKA_HOME`, `KAFKA_OPTS`) and Kubernetes' service links for a Service named
    /// `kafka` (`KAFKA_PORT`, `KAFKA_SERVICE_HOST`), which must not stop a worker from starting.
    public var ignoredVariables: [String]

    /// The variable that names the brokers, kept from the first releases; `KAFKA_BOOTSTRAP_SERVERS`,
    /// by the general rule, means the same.
    public static let brokersVariable = "KAFKA_BROKERS"
    static let variablePrefix = "KAFKA_"
    /// The librdkafka property that names the brokers.
    public static let brokersProperty = "bootstrap.servers"

    /// Resolves the three sources.
    /// - Parameters:
    ///   - brokers: `--brokers`.
    ///   - assignments: the `-X key=value` flags.
    ///   - propertiesFile: the `-F` file's path.
    ///   - environment: the process's environment.
    /// - Throws: `ValidationError` when a `-X` value is not `key=value`, the file is missing,
    ///   unreadable or has a line that is not `key=value`, or a `KAFKA_` variable's value is one
    ///   librdkafka refuses (naming the variable, never a secret value).
    public static func resolve(
        brokers: String?, assignments: [String], propertiesFile: String?, environment: [String: String]
    ) throws -> ClientSettings {
        let flagged = try PropertyAssignment.parse(assignments)
        let flagBrokers = brokers.flatMap { $0.isEmpty ? nil : $0 }
        var settings = ClientSettings(brokers: nil, properties: [:], ignoredVariables: [])
        // Lowest precedence first, so that each later source overwrites what it sets.
        if let propertiesFile {
            for (name, value) in try PropertiesFile.load(path: propertiesFile) {
                settings.set(name, value, from: .file(propertiesFile))
            }
        }
        // A variable a flag overrides is not even checked: flags win, a bad value there included.
        var overridden = Set(flagged.keys)
        if flagBrokers != nil { overridden.insert(brokersProperty) }
        try settings.addEnvironment(environment, except: overridden)
        for (name, value) in flagged {
            settings.set(name, value, from: .flag("-X"))
        }
        if let flagBrokers {
            settings.brokers = Setting(value: flagBrokers, origin: .flag("--brokers"))
        }
        return settings
    }

    /// Client settings for `clientID`: the brokers, and every other property passed through.
    /// - Throws: `ValidationError` when no source names a broker.
    public func clientConfiguration(clientID: String) throws -> KafkaClientConfiguration {
        guard let brokers else {
            throw ValidationError(
                "no Kafka brokers: pass --brokers HOST:PORT, set \(Self.brokersVariable) "
                    + "or put bootstrap.servers in the -F file")
        }
        return KafkaClientConfiguration(
            bootstrapServers: brokers.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            clientID: clientID,
            additional: properties.mapValues(\.value))
    }

    /// The librdkafka property a `KAFKA_` variable names, or nil for any other variable.
    static func property(named variable: String) -> String? {
        guard variable.hasPrefix(variablePrefix), variable.count > variablePrefix.count else { return nil }
        return variable.dropFirst(variablePrefix.count).lowercased().replacingOccurrences(of: "_", with: ".")
    }

    private mutating func set(_ name: String, _ value: String, from origin: Origin) {
        // Empty brokers are no brokers: an unset `${BROKERS}` in a file must not hide the next source.
        if name == Self.brokersProperty {
            if !value.isEmpty { brokers = Setting(value: value, origin: origin) }
        } else {
            properties[name] = Setting(value: value, origin: origin)
        }
    }

    private mutating func addEnvironment(_ environment: [String: String], except overridden: Set<String>) throws {
        // Sorted, so that of several bad variables the error is always about the same one.
        var brokerVariables: [(variable: String, value: String)] = []
        for (variable, value) in environment.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            guard let name = variable == Self.brokersVariable ? Self.brokersProperty : Self.property(named: variable),
                !overridden.contains(name)
            else { continue }
            if name == Self.brokersProperty {
                brokerVariables.append((variable, value))
                continue
            }
            switch LibrdkafkaRuntime.check(property: name, value: value) {
            case .accepted:
                set(name, value, from: .environment(variable))
            case .unknown:
                ignoredVariables.append(variable)
            case .rejected(let reason):
                throw ValidationError(
                    "environment variable \(variable) (librdkafka property \(name)): \(reason); fix or unset it")
            }
        }
        if let first = brokerVariables.first {
            guard brokerVariables.allSatisfy({ $0.value == first.value }) else {
                throw ValidationError(
                    "environment variables \(brokerVariables.map(\.variable).joined(separator: " and ")) "
                        + "name different brokers; set only one of them")
            }
            set(Self.brokersProperty, first.value, from: .environment(first.variable))
        }
    }
}
