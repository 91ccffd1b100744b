import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes each log event to standard error as one JSON object on one line:
///
/// ```json
/// {"timestamp":"2026-12-01T18:30:00.123Z","level":"info","worker":"news-enricher",
///  "message":"...","metadata":{"topic":"articles.raw","partition":"3","offset":"41"}}
/// ```
///
/// `worker` is the logger's label, `metadata` holds the handler's, the metadata provider's and
/// the event's metadata (keys from ``LogMetadataKey``), and `error` the event's error if it
/// has one. Every string is escaped, so each line is valid JSON whatever a message holds.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    /// Serialises whole lines from all threads, so lines never interleave.
    private static let standardError = Mutex<Int32>(STDERR_FILENO)

    public init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, provided in provided } }
        if let own = event.metadata { merged.merge(own) { _, own in own } }
        let line = Self.line(
            date: Date(), level: event.level, label: label, message: event.message.description,
            metadata: merged, error: event.error.map { "\($0)" })
        Self.emit(line)
    }

    /// The JSON line for one event, newline included.
    static func line(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, error: String?
    ) -> String {
        var line = "{\"timestamp\":"
        appendString(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)), to: &line)
        line += ",\"level\":"
        appendString(level.rawValue, to: &line)
        line += ",\"worker\":"
        appendString(label, to: &line)
        line += ",\"message\":"
        appendString(message, to: &line)
        if let error {
            line += ",\"error\":"
            appendString(error, to: &line)
        }
        if !metadata.isEmpty {
            line += ",\"metadata\":"
            appendValue(.dictionary(metadata), to: &line)
        }
        line += "}\n"
        return line
    }

    private static func appendValue(_ value: Logger.Metadata.Value, to line: inout String) {
        switch value {
        case .string(let string):
            appendString(string, to: &line)
        case .stringConvertible(let convertible):
            appendString(convertible.description, to: &line)
        case .array(let values):
            line += "["
            for (index, element) in values.enumerated() {
                if index > 0 { line += "," }
                appendValue(element, to: &line)
            }
            line += "]"
        case .dictionary(let dictionary):
            line += "{"
            // Sorted, so that the same event always gives the same line.
            for (index, entry) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { line += "," }
                appendString(entry.key, to: &line)
                line += ":"
                appendValue(entry.value, to: &line)
            }
            line += "}"
        }
    }

    /// Appends `string` as a JSON string literal (RFC 8259): quote, backslash and every control
    /// character escaped; everything else, Vietnamese included, as UTF-8.
    static func appendString(_ string: String, to line: inout String) {
        line.unicodeScalars.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f || (0x2028...0x2029).contains(scalar.value):
                // U+2028 and U+2029 are valid JSON but break JavaScript readers and some
                // line-oriented tools, so they are escaped too.
                let hex = String(scalar.value, radix: 16)
                line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: line.unicodeScalars.append(scalar)
            }
        }
        line.unicodeScalars.append("\"")
    }

    /// Writes `line` to standard error in one piece, retrying partial writes; a standard error
    /// that cannot be written (closed, a full disk) loses the line rather than stopping the worker.
    private static func emit(_ line: String) {
        var bytes = Array(line.utf8)
        standardError.withLock { descriptor in
            bytes.withUnsafeMutableBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }
}
