import ArgumentParser
import Foundation

/// Reads librdkafka properties from a file given with `-F`, as kcat does: one `key=value` per
/// line, `#` comments and blank lines skipped, whitespace around key and value ignored. The
/// value is everything after the first `=`, so it may hold `=` itself.
public enum PropertiesFile {
    /// - Throws: `ValidationError` naming the file when it cannot be read, and the file and line
    ///   of the first line that is not `key=value` (without quoting it: it may hold a secret).
    public static func load(path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("-F \(path): no such properties file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("-F \(path): cannot read the properties file (check its permissions)")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw ValidationError("-F \(path): the properties file is not UTF-8 text")
        }
        return try parse(contents, path: path)
    }

    /// Parses the text of a properties file; `path` names it in errors.
    public static func parse(_ contents: String, path: String) throws -> [String: String] {
        var properties: [String: String] = [:]
        for (index, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ValidationError("\(path):\(index + 1): expected key=value, found no \"=\"")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw ValidationError("\(path):\(index + 1): expected key=value, found no key before \"=\"")
            }
            properties[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return properties
    }
}
