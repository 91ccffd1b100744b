import ArgumentParser
import Foundation
import Testing
import WorkerRuntime

@Suite struct PropertiesFileTests {
    @Test func readsKeyValueLinesSkippingCommentsAndBlankLines() throws {
        let properties = try PropertiesFile.parse(
            """
            # the cluster
            security.protocol=SASL_SSL

              sasl.username = pipeline  
            sasl.password=p=ss#word
            \t# indented comment
            """, path: "client.properties")
        #expect(
            properties == [
                "security.protocol": "SASL_SSL", "sasl.username": "pipeline", "sasl.password": "p=ss#word",
            ])
    }

    @Test func aLineWithoutEqualsNamesTheFileAndLineButNotItsText() throws {
        let error = #expect(throws: ValidationError.self) {
            try PropertiesFile.parse("a=1\n\nhunter2-secret\n", path: "/etc/news/client.properties")
        }
        let message = try #require(error).message
        #expect(message.contains("/etc/news/client.properties:3:"), "\(message)")
        #expect(!message.contains("hunter2-secret"))
    }

    @Test func aLineWithoutKeyIsRefused() throws {
        let error = #expect(throws: ValidationError.self) { try PropertiesFile.parse("=value", path: "f") }
        #expect(try #require(error).message.contains("f:1:"))
    }

    @Test func aMissingFileIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).properties").path
        let error = #expect(throws: ValidationError.self) { try PropertiesFile.load(path: path) }
        #expect(try #require(error).message == "-F \(path): no such properties file")
    }
}
