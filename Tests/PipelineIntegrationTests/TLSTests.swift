import Foundation
import Testing

extension BrokerTests {
    /// `security.protocol=SSL` end to end: real certificates made with openssl, real stunnel in
    /// front of a broker of each test's own, the workers as users run them.
    @Suite("TLS through stunnel", .timeLimit(.minutes(3)))
    struct TLSTests {
        /// Workers give up on an unreachable broker after the start-up check's 15 s; a failing
        /// TLS handshake must end no later, on a loaded 2-core machine too.
        private static let failureBound: Duration = .seconds(30)

        @Test func pipelineOverTLSWritesEverySeedEnrichedOnce() async throws {
            let authority = try await CertificateAuthority(name: "news-pipeline-test-ca")
            let broker = try await TLSBroker(
                certificate: try await authority.issueServerCertificate(subjectAltName: "IP:127.0.0.1"))
            let pipeline = PipelineHarness(
                brokers: broker.address,
                clientProperties: ["security.protocol": "ssl", "ssl.ca.location": authority.certificate])

            let lines = try await pipeline.runSeeds(into: try TestEnvironment.temporaryDirectory())
            for line in lines {
                let provenance = try #require(line["provenance"] as? [String: Any])
                #expect(provenance["topic"] as? String == pipeline.rawTopic)
            }
            // The fixture's wiring: the broker's plain port is given to no worker and advertised
            // to none, so stunnel must have completed a handshake for each of the three.
            #expect(broker.tlsSessions() >= 3, "stunnel log: \(broker.tunnelLog.path)")
        }

        @Test func mutualTLSAdmitsAWorkerWithAClientCertificateAndRefusesOneWithout() async throws {
            let authority = try await CertificateAuthority(name: "news-pipeline-test-ca")
            let broker = try await TLSBroker(
                certificate: try await authority.issueServerCertificate(subjectAltName: "IP:127.0.0.1"),
                clientCA: authority.certificate)
            let client = try await authority.issueClientCertificate(commonName: "news-producer")
            let tls = ["security.protocol": "ssl", "ssl.ca.location": authority.certificate]
            let withCertificate = PipelineHarness(
                brokers: broker.address,
                clientProperties: tls.merging([
                    "ssl.certificate.location": client.certificate, "ssl.key.location": client.key,
                ]) { $1 })
            let withoutCertificate = PipelineHarness(brokers: broker.address, clientProperties: tls)

            // The refused producer spends its 15 s start-up check while the admitted one works.
            let started = ContinuousClock.now
            async let refused = ExecutableRun.run(
                "news-producer",
                withoutCertificate.connectionArguments + [
                    "--topic", withoutCertificate.rawTopic, TestEnvironment.seedsDirectory.path,
                ],
                timeout: Self.failureBound + .seconds(15))
            let admitted = try await withCertificate.produce([TestEnvironment.seedsDirectory.path])
            #expect(admitted.status == 0, "with a client certificate: \(admitted.standardError)")
            #expect(admitted.standardOutput.hasPrefix("published 5 of 5 articles"))
            #expect(try await withCertificate.readAll(withCertificate.rawTopic).count == 5)

            let refusedRun = try await refused
            let refusedAfter = ContinuousClock.now - started
            #expect(refusedRun.status == 2, "without a client certificate: \(refusedRun.standardError)")
            #expect(refusedAfter < Self.failureBound)
            let finalLine = Self.finalErrorLine(refusedRun)
            #expect(finalLine.contains("TLS connection to broker \(broker.address) failed"), "\(finalLine)")
            #expect(finalLine.contains("certificate required"), "\(finalLine)")
            #expect(!finalLine.contains("is it running"), "\(finalLine)")
        }

        /// Each worker against a broker certificate it must refuse, all at once so that the
        /// three 15 s start-up checks overlap.
        @Test func untrustedExpiredOrMisnamedBrokerCertificateStopsEachWorkerNamingTheReason() async throws {
            let authority = try await CertificateAuthority(name: "news-pipeline-test-ca")
            let unrelatedAuthority = try await CertificateAuthority(name: "unrelated-ca")
            let trusted = try await TLSBroker(
                certificate: try await authority.issueServerCertificate(subjectAltName: "IP:127.0.0.1"))
            let expired = try await TLSBroker(
                certificate: try await authority.issueServerCertificate(
                    subjectAltName: "IP:127.0.0.1", validity: .expired))
            let misnamed = try await TLSBroker(
                certificate: try await authority.issueServerCertificate(subjectAltName: "DNS:kafka.example.com"))

            func pipeline(_ broker: TLSBroker, trusting certificateAuthority: CertificateAuthority) -> PipelineHarness {
                PipelineHarness(
                    brokers: broker.address,
                    clientProperties: ["security.protocol": "ssl", "ssl.ca.location": certificateAuthority.certificate]
                )
            }
            let untrustingProducer = pipeline(trusted, trusting: unrelatedAuthority)
            let expiredEnricher = pipeline(expired, trusting: authority)
            let misnamedSink = pipeline(misnamed, trusting: authority)
            let output = try TestEnvironment.temporaryDirectory()
            let timeout = Self.failureBound + .seconds(15)

            let started = ContinuousClock.now
            async let producer = ExecutableRun.run(
                "news-producer",
                untrustingProducer.connectionArguments + [
                    "--topic", untrustingProducer.rawTopic, TestEnvironment.seedsDirectory.path,
                ], timeout: timeout)
            async let enricher = ExecutableRun.run(
                "news-enricher", expiredEnricher.enricherArguments(), timeout: timeout)
            async let sink = ExecutableRun.run("news-sink", misnamedSink.sinkArguments(to: output), timeout: timeout)
            let runs = try await [
                ("producer trusting an unrelated CA", producer, trusted, "unable to get local issuer certificate"),
                ("enricher offered an expired certificate", enricher, expired, "certificate has expired"),
                ("sink offered a certificate for kafka.example.com", sink, misnamed, "IP address mismatch"),
            ]
            let allStoppedAfter = ContinuousClock.now - started

            #expect(allStoppedAfter < Self.failureBound)
            for (name, run, broker, reason) in runs {
                #expect(run.status == 2, "\(name): \(run.standardError)")
                let finalLine = Self.finalErrorLine(run)
                #expect(
                    finalLine.contains("TLS connection to broker \(broker.address) failed"), "\(name): \(finalLine)")
                #expect(finalLine.contains("certificate verify failed"), "\(name): \(finalLine)")
                #expect(finalLine.contains(reason), "\(name): \(finalLine)")
                #expect(!finalLine.contains("is it running"), "\(name): \(finalLine)")
            }
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !SinkFiles.isOutput($0) })
        }

        /// The worker's last `error` line: the one WorkerCommandRunner logs before exiting 2.
        private static func finalErrorLine(_ run: ExecutableRun.Result) -> String {
            run.standardError.split(separator: "\n").last { $0.contains(" error ") }.map(String.init) ?? ""
        }
    }
}
