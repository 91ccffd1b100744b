import ArgumentParser
import Testing

@testable import WorkerRuntime

@Suite struct EnvironmentArgumentsTests {
    struct Worker: ParsableCommand {
        @OptionGroup var kafka: KafkaOptions
        @OptionGroup var logging: LoggingOptions
        @Option var rollBytes = 100
        @Option var output: String
        @Flag var exactlyOnce = false
        @Argument var paths: [String] = []
    }

    private func parse(_ commandLine: [String], _ environment: [String: String]) throws -> (
        Worker, EnvironmentArguments
    ) {
        let completed = try EnvironmentArguments(
            commandLine: commandLine, command: Worker.self, environment: environment)
        return (try Worker.parse(completed.arguments), completed)
    }

    @Test func everyLongOptionCanComeFromItsVariable() throws {
        let (worker, completed) = try parse(
            [],
            [
                "NEWS_OUTPUT": "out", "NEWS_ROLL_BYTES": "42", "NEWS_LOG_LEVEL": "trace", "NEWS_LOG_FORMAT": "json",
                "NEWS_EXACTLY_ONCE": "true", "NEWS_PROPERTIES_FILE": "client.properties",
            ])
        #expect(worker.output == "out")
        #expect(worker.rollBytes == 42)
        #expect(worker.logging.logLevel == .trace)
        #expect(worker.logging.logFormat == .json)
        #expect(worker.exactlyOnce)
        #expect(worker.kafka.propertiesFile == "client.properties")
        #expect(completed.given.map(\.variable).contains("NEWS_ROLL_BYTES"))
    }

    @Test func aFlagOnTheCommandLineWinsInAnySpelling() throws {
        let environment = ["NEWS_OUTPUT": "env", "NEWS_ROLL_BYTES": "42", "NEWS_PROPERTIES_FILE": "env.properties"]
        let (worker, completed) = try parse(["--output=flag", "--roll-bytes", "7", "-F", "flag.properties"], environment)
        #expect(worker.output == "flag")
        #expect(worker.rollBytes == 7)
        #expect(worker.kafka.propertiesFile == "flag.properties")
        #expect(completed.given.isEmpty)
    }

    @Test func argumentsFromTheEnvironmentGoBeforeTheEndOfOptions() throws {
        let (worker, _) = try parse(["--", "--not-an-option"], ["NEWS_OUTPUT": "out"])
        #expect(worker.output == "out")
        #expect(worker.paths == ["--not-an-option"])
    }

    @Test func theBrokersVariableIsKafkasAndOthersAreLeftAlone() throws {
        let (worker, completed) = try parse(
            ["--output", "o"],
            ["NEWS_BROKERS": "x:1", "NEWS_TEST_BROKERS": "y:1", "NEWS_HELP": "1", "NEWS_LOG_LEVEL": ""])
        #expect(worker.kafka.brokers == nil)
        #expect(worker.logging.logLevel == .info)
        #expect(completed.given.isEmpty)
    }

    @Test func aFlagTakesABooleanAndFalseLeavesItOff() throws {
        #expect(try !parse(["--output", "o"], ["NEWS_EXACTLY_ONCE": "0"]).0.exactlyOnce)
        let error = #expect(throws: ValidationError.self) {
            try parse(["--output", "o"], ["NEWS_EXACTLY_ONCE": "yes please"])
        }
        #expect(try #require(error).message.contains("NEWS_EXACTLY_ONCE"))
    }

    @Test func aBadValueFromTheEnvironmentIsReportedWithItsVariable() throws {
        let completed = try EnvironmentArguments(
            commandLine: ["--output", "o"], command: Worker.self, environment: ["NEWS_ROLL_BYTES": "lots"])
        do {
            _ = try Worker.parse(completed.arguments)
            Issue.record("parsed a bad value")
        } catch {
            let attributed = completed.attributing(error, message: Worker.message(for: error))
            let message = Worker.message(for: attributed)
            #expect(message.hasPrefix("environment variable NEWS_ROLL_BYTES (--roll-bytes): "), "\(message)")
            #expect(message.contains("lots"))
        }
    }

    @Test func anOptionIsNamedOnlyAsAWholeWord() {
        #expect(EnvironmentArguments.mentions("invalid for '--roll-bytes <n>'", option: "roll-bytes"))
        #expect(!EnvironmentArguments.mentions("invalid for '--roll-bytes-max'", option: "roll-bytes"))
        #expect(EnvironmentArguments.variable(forOption: "max-in-flight-bytes") == "NEWS_MAX_IN_FLIGHT_BYTES")
    }
}
