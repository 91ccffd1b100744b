import Testing

@testable import Kafka

@Suite struct LibrdkafkaRuntimeTests {
    @Test func versionNumbersDescribeAsMajorMinorRevision() {
        #expect(LibrdkafkaRuntime.describe(version: 0x0200_02ff) == "2.0.2")
        #expect(LibrdkafkaRuntime.describe(version: 0x0210_00ff) == "2.16.0")
        #expect(LibrdkafkaRuntime.describe(version: LibrdkafkaRuntime.minimumSupportedVersion) == "2.1.0")
    }

    @Test func runtime2_0_2IsRefusedWithCauseAndFix() {
        do {
            try LibrdkafkaRuntime.checkSupported(version: 0x0200_02ff, versionString: "2.0.2")
            Issue.record("2.0.2 must be refused")
        } catch {
            #expect(error.kind == .unsupportedRuntime)
            #expect(error.message.contains("2.0.2"))
            #expect(error.message.contains("Read underflow"))
            #expect(error.message.contains("LD_LIBRARY_PATH"))
        }
    }

    @Test func runtime2_1AndNewerAreAccepted() throws {
        try LibrdkafkaRuntime.checkSupported(version: 0x0201_0000, versionString: "2.1.0")
        try LibrdkafkaRuntime.checkSupported(version: 0x0210_00ff, versionString: "2.16.0")
    }

    @Test func loadedRuntimeReportsMatchingVersionStringAndNumber() {
        let described = LibrdkafkaRuntime.describe(version: LibrdkafkaRuntime.version)
        #expect(LibrdkafkaRuntime.versionString.hasPrefix(described))
    }

    @Test(
        .enabled(
            if: LibrdkafkaRuntime.version >= LibrdkafkaRuntime.minimumSupportedVersion,
            "needs LD_LIBRARY_PATH=/tmp/rdlib or similar"))
    func loadedRuntimeIsSupported() throws {
        try LibrdkafkaRuntime.checkSupported()
    }
}
