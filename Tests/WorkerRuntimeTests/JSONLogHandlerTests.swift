import Foundation
import Logging
import Testing

@testable import WorkerRuntime

@Suite struct JSONLogHandlerTests {
    private func object(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().firstIndex(of: "\n") == nil, "one event, one line")
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func anyMessageGivesOneValidJSONLine() throws {
        let messages = [
            "plain", "quote \" backslash \\ slash /", "new\nline\r\ttab", "nul \u{0} bell \u{7} del \u{7f} esc \u{1b}",
            "Hà Nội – Việt Nam 🇻🇳", "separators \u{2028}\u{2029}", "{\"looks\": [\"like json\"]}", "",
        ]
        for message in messages {
            let line = JSONLogHandler.line(
                date: Date(timeIntervalSince1970: 0), level: .warning, label: "news-enricher", message: message,
                metadata: ["key \"q\"": "value\n", "nested": ["a": ["1", "2"]]], error: "bad\tthing")
            let object = try object(line)
            #expect(object["message"] as? String == message)
            #expect(object["level"] as? String == "warning")
            #expect(object["worker"] as? String == "news-enricher")
            #expect(object["timestamp"] as? String == "1970-01-01T00:00:00.000Z")
            #expect(object["error"] as? String == "bad\tthing")
            let metadata = try #require(object["metadata"] as? [String: Any])
            #expect(metadata["key \"q\""] as? String == "value\n")
            #expect((metadata["nested"] as? [String: Any])?["a"] as? [String] == ["1", "2"])
        }
    }

    @Test func metadataIsLeftOutWhenThereIsNone() throws {
        let line = JSONLogHandler.line(
            date: Date(), level: .info, label: "news-sink", message: "m", metadata: [:], error: nil)
        let object = try object(line)
        #expect(object["metadata"] == nil)
        #expect(object["error"] == nil)
        #expect(Set(object.keys) == ["timestamp", "level", "worker", "message"])
    }
}
