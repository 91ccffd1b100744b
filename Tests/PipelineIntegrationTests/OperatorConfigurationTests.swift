import Foundation
import Testing

/// `--version`, `newsctl config`, `-F` errors and `--help`: no broker needed.
@Suite("Versions and configuration")
struct OperatorConfigurationTests {
    static let secret = "hunter2-\(UUID().uuidString)"

    static func propertiesFile(_ contents: String) throws -> String {
        let url = try TestEnvironment.temporaryDirectory().appendingPathComponent("client.properties")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: ["news-producer", "news-enricher", "news-sink", "newsctl"])
    func versionNamesTheProjectAndTheLoadedLibrdkafka(executable: String) async throws {
        let result = try await ExecutableRun.run(executable, ["--version"], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.standardError)")
        let line = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.wholeMatch(of: /\d+\.\d+\.\d+ \(librdkafka \d+\.\d+\.\d+[^)]*\)/) != nil, "\(line)")
    }

    @Test func benchVersionIsTheProjectsAlone() async throws {
        let result = try await ExecutableRun.run("news-bench", ["--version"], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.standardOutput)")
    }

    @Test func configPrintsEffectivePropertiesWithSecretsMasked() async throws {
        let file = try Self.propertiesFile(
            """
            # cluster credentials
            bootstrap.servers=file-broker:9092
            sasl.username=pipeline
            sasl.password=\(Self.secret)
            linger.ms=7
            """)
        let result = try await ExecutableRun.run(
            "newsctl", ["config", "-F", file, "-X", "linger.ms=9", "-X", "ssl.key.password=\(Self.secret)"],
            environment: ["KAFKA_BROKERS": "env-broker:9092"], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.standardError)")
        let lines = Set(result.standardOutput.split(separator: "\n").map(String.init))
        #expect(lines.contains("bootstrap.servers=env-broker:9092"), "\(result.standardOutput)")
        #expect(lines.contains("linger.ms=9"))
        #expect(lines.contains("sasl.username=pipeline"))
        #expect(lines.contains("sasl.password=[redacted]"))
        #expect(lines.contains("ssl.key.password=[redacted]"))
        #expect(!result.standardOutput.contains(Self.secret) && !result.standardError.contains(Self.secret))
    }

    @Test func configShowsWhereEachValueCameFromFlagsBeforeEnvironmentBeforeFile() async throws {
        let file = try Self.propertiesFile(
            "bootstrap.servers=file-broker:9092\nlinger.ms=7\nacks=1\nbatch.size=1000\n")
        let result = try await ExecutableRun.run(
            "newsctl", ["config", "--show-origin", "-F", file, "-X", "linger.ms=9"],
            environment: [
                "KAFKA_BROKERS": "env-broker:9092", "KAFKA_LINGER_MS": "8", "KAFKA_ACKS": "all",
                "KAFKA_SASL_PASSWORD": Self.secret, "KAFKA_HOME": "/opt/kafka",
            ],
            timeout: .seconds(30))
        #expect(result.status == 0, "\(result.standardError)")
        let lines = Set(result.standardOutput.split(separator: "\n").map(String.init))
        for expected in [
            "env:KAFKA_BROKERS\tbootstrap.servers=env-broker:9092", "-X\tlinger.ms=9", "env:KAFKA_ACKS\tacks=all",
            "file:\(file)\tbatch.size=1000", "env:KAFKA_SASL_PASSWORD\tsasl.password=[redacted]",
            "default\tclient.id=newsctl",
        ] {
            #expect(lines.contains(expected), "\(expected) in \(result.standardOutput)")
        }
        #expect(result.standardError.contains("ignored KAFKA_HOME"), "\(result.standardError)")
        #expect(!result.standardOutput.contains(Self.secret) && !result.standardError.contains(Self.secret))
    }

    @Test func aBadValueFromTheEnvironmentNamesTheVariable() async throws {
        let property = try await ExecutableRun.run(
            "newsctl", ["config", "--brokers", "127.0.0.1:9"], environment: ["KAFKA_LINGER_MS": "soon"],
            timeout: .seconds(30))
        #expect(property.status != 0)
        #expect(property.standardError.contains("environment variable KAFKA_LINGER_MS"), "\(property.standardError)")

        let option = try await ExecutableRun.run(
            "news-sink", ["--brokers", "127.0.0.1:9"], environment: ["NEWS_OUTPUT": "/tmp", "NEWS_ROLL_BYTES": "lots"],
            timeout: .seconds(30))
        #expect(option.status == 64, "\(option.standardError)")
        #expect(
            option.standardError.contains("environment variable NEWS_ROLL_BYTES (--roll-bytes)"),
            "\(option.standardError)")
    }

    @Test(arguments: [
        (["--log-format", "json", "--roll-bytes", "lots"], [String: String](), "--roll-bytes"),
        ([], ["NEWS_LOG_FORMAT": "json", "NEWS_ROLL_BYTES": "lots"], "NEWS_ROLL_BYTES"),
    ])
    func aUsageErrorIsOneJSONLogLineWithJSONLogs(arguments: [String], environment: [String: String], names: String)
        async throws
    {
        let result = try await ExecutableRun.run(
            "news-sink", ["--brokers", "127.0.0.1:9", "--output", "/tmp"] + arguments, environment: environment,
            timeout: .seconds(30))
        #expect(result.status == 64)
        let lines = try BrokerTests.LogTests.objects(result.standardError, worker: "news-sink")
        #expect(lines.count == 1)
        #expect(lines.first?["level"] as? String == "error")
        #expect((lines.first?["message"] as? String)?.contains(names) == true, "\(result.standardError)")
    }

    @Test func aBadPropertiesFileLineIsReportedWithFileAndLine() async throws {
        let file = try Self.propertiesFile("security.protocol=plaintext\n\(Self.secret)\n")
        let result = try await ExecutableRun.run(
            "news-enricher", ["--brokers", "127.0.0.1:9", "-F", file], timeout: .seconds(30))
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(file):2: expected key=value"), "\(result.standardError)")
        #expect(!result.standardError.contains(Self.secret))
    }

    @Test func aMissingPropertiesFileIsReported() async throws {
        let result = try await ExecutableRun.run(
            "news-sink", ["--brokers", "127.0.0.1:9", "--output", "/tmp", "-F", "/nonexistent/client.properties"],
            timeout: .seconds(30))
        #expect(result.status != 0)
        #expect(
            result.standardError.contains("-F /nonexistent/client.properties: no such properties file"),
            "\(result.standardError)")
    }

    @Test func aRejectedSecretPropertyNamesItButNotItsValue() async throws {
        let result = try await ExecutableRun.run(
            "newsctl", ["topics", "--brokers", "127.0.0.1:9", "-X", "no.such.password=\(Self.secret)"],
            timeout: .seconds(30))
        #expect(result.status != 0)
        #expect(result.standardError.contains("no.such.password"), "\(result.standardError)")
        #expect(!result.standardError.contains(Self.secret) && !result.standardOutput.contains(Self.secret))
    }

    @Test func helpNeverShowsAGivenSecret() async throws {
        let result = try await ExecutableRun.run(
            "news-enricher", ["-X", "sasl.password=\(Self.secret)", "--help"], timeout: .seconds(30))
        #expect(result.standardOutput.contains("-F, --properties-file"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("--log-format"))
        #expect(!result.standardOutput.contains(Self.secret) && !result.standardError.contains(Self.secret))
    }
}

extension BrokerTests {
    @Suite("Logs: secrets and JSON", .timeLimit(.minutes(3)))
    struct LogTests {
        @Test func secretsFromFlagsAndFileNeverReachTraceLogs() async throws {
            let pipeline = try PipelineHarness()
            let secret = OperatorConfigurationTests.secret
            // Secret-looking properties librdkafka accepts, and ignores, on a PLAINTEXT connection.
            let file = try OperatorConfigurationTests.propertiesFile("ssl.key.password=\(secret)-file\n")
            let secretArguments = ["-X", "sasl.password=\(secret)", "-F", file, "--log-level", "trace"]
            let produced = try await ExecutableRun.run(
                "news-producer",
                pipeline.connectionArguments + secretArguments + [
                    "--topic", pipeline.rawTopic, "--", TestEnvironment.seedsDirectory.path,
                ])
            #expect(produced.status == 0, "\(produced.standardError)")
            // librdkafka's own debug contexts that print the configuration and security set-up.
            let librdkafkaDebug = ["-X", "debug=conf,security,generic"]
            let enriched = try await ExecutableRun.run(
                "news-enricher", pipeline.enricherArguments() + secretArguments + librdkafkaDebug)
            #expect(enriched.status == 0, "\(enriched.standardError.suffix(2000))")
            #expect(try await pipeline.readAll(pipeline.enrichedTopic).count == 5)

            for log in [produced.standardError, enriched.standardError] {
                #expect(!log.contains(secret))
                #expect(log.contains(" debug news-"), "lines below info were logged")
            }
            // librdkafka printed its configuration (redacting its sensitive properties itself).
            #expect(enriched.standardError.contains("librdkafka.facility=CONF"))
            // The service group logged the enricher's configuration, masked.
            #expect(
                enriched.standardError.contains("sasl.password=[redacted]"), "\(enriched.standardError.prefix(3000))")
        }

        /// Every worker configured from the environment alone, a secret among it, at trace level.
        @Test func workersTakeSettingsFromTheEnvironmentAndNeverShowItsSecrets() async throws {
            let pipeline = try PipelineHarness()
            let secret = OperatorConfigurationTests.secret
            // The environment beats the file: this broker does not exist.
            let file = try OperatorConfigurationTests.propertiesFile("bootstrap.servers=127.0.0.1:9\n")
            let environment = [
                "KAFKA_BROKERS": pipeline.brokers, "NEWS_PROPERTIES_FILE": file, "NEWS_LOG_LEVEL": "trace",
                // Secret-looking properties librdkafka accepts, and ignores, on a PLAINTEXT connection.
                "KAFKA_SASL_PASSWORD": secret, "KAFKA_SSL_KEY_PASSWORD": "\(secret)-key",
                // librdkafka's own debug contexts that print the configuration and security set-up.
                "KAFKA_DEBUG": "conf,security,generic",
                "NEWS_EXIT_WHEN_IDLE": "3", "NEWS_DLQ_TOPIC": pipeline.deadLetterTopic,
            ]
            let produced = try await ExecutableRun.run(
                "news-producer", ["--", TestEnvironment.seedsDirectory.path],
                environment: environment.filter { $0.key != "NEWS_EXIT_WHEN_IDLE" }.merging([
                    "NEWS_TOPIC": pipeline.rawTopic
                ]) { $1 })
            #expect(produced.status == 0, "\(produced.standardError.suffix(2000))")
            // Flags beat the environment: these topics and group do not exist.
            let enriched = try await ExecutableRun.run(
                "news-enricher",
                [
                    "--group", pipeline.enricherGroup, "--input-topic", pipeline.rawTopic,
                    "--output-topic", pipeline.enrichedTopic,
                ],
                environment: environment.merging([
                    "NEWS_GROUP": "no-such-group", "NEWS_INPUT_TOPIC": "no-such-topic",
                    "NEWS_OUTPUT_TOPIC": "no-such-topic",
                ]) { $1 })
            #expect(enriched.status == 0, "\(enriched.standardError.suffix(2000))")
            let output = try TestEnvironment.temporaryDirectory()
            let sunk = try await ExecutableRun.run(
                "news-sink", [],
                environment: environment.merging([
                    "NEWS_OUTPUT": output.path, "NEWS_TOPIC": pipeline.enrichedTopic, "NEWS_GROUP": pipeline.sinkGroup,
                ]) { $1 })
            #expect(sunk.status == 0, "\(sunk.standardError.suffix(2000))")
            #expect(try PipelineHarness.jsonLines(in: output).count == 5)

            for (worker, log) in [
                ("news-producer", produced.standardError), ("news-enricher", enriched.standardError),
                ("news-sink", sunk.standardError),
            ] {
                #expect(!log.contains(secret), "\(worker) showed the secret")
                #expect(log.contains(" debug \(worker)"), "\(worker) logged below info")
                #expect(log.contains("librdkafka.facility=CONF"), "\(worker) applied KAFKA_DEBUG")
            }
            #expect(enriched.standardError.contains("sasl.password=[redacted]"))
        }

        @Test func jsonLogsAreOneObjectPerLineWithRecordMetadata() async throws {
            let pipeline = try PipelineHarness()
            let json = ["--log-format", "json", "--log-level", "debug"]
            let produced = try await ExecutableRun.run(
                "news-producer",
                pipeline.connectionArguments + json + [
                    "--topic", pipeline.rawTopic, "--", TestEnvironment.seedsDirectory.path,
                ])
            #expect(produced.status == 0, "\(produced.standardError)")
            let enriched = try await ExecutableRun.run("news-enricher", pipeline.enricherArguments() + json)
            #expect(enriched.status == 0, "\(enriched.standardError.suffix(2000))")

            let producerLines = try Self.objects(produced.standardError, worker: "news-producer")
            let delivered = producerLines.compactMap { $0["metadata"] as? [String: Any] }
                .filter { $0["article_id"] != nil && $0["partition"] != nil && $0["offset"] != nil }
            #expect(delivered.count == 5, "one delivery line per seed with article id, partition and offset")

            let enricherLines = try Self.objects(enriched.standardError, worker: "news-enricher")
            #expect(
                enricherLines.contains {
                    ($0["metadata"] as? [String: Any])?["topic"] as? String == pipeline.rawTopic
                })
        }

        /// Every line of `log`, parsed by Foundation's JSON parser, with the fields every line has.
        static func objects(_ log: String, worker: String) throws -> [[String: Any]] {
            let lines = log.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(!lines.isEmpty)
            #expect(log.hasSuffix("\n"))
            return try lines.map { line in
                let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
                let object = try #require(parsed as? [String: Any], "\(line)")
                #expect(object["worker"] as? String == worker)
                #expect(object["message"] is String)
                #expect(
                    ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(
                        object["level"] as? String ?? ""))
                let timestamp = try #require(object["timestamp"] as? String)
                let parsedTimestamp = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(timestamp)
                #expect(parsedTimestamp > Date(timeIntervalSinceNow: -600))
                return object
            }
        }
    }
}
