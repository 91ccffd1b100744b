import ArgumentParser

/// Parses `-X key=value` assignments, as kcat takes them.
public enum PropertyAssignment {
    /// - Throws: `ValidationError` naming the first assignment that is not `key=value`.
    public static func parse(_ assignments: [String]) throws -> [String: String] {
        var properties: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="),
                equals != assignment.startIndex
            else {
                throw ValidationError("-X \(assignment): expected key=value, e.g. -X security.protocol=SSL")
            }
            properties[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return properties
    }
}
