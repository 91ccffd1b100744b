import ArgumentParser

/// Parses `-X key=value` assignments, as kcat takes them.
public enum PropertyAssignment {
    /// - Throws: `ValidationError` naming the first assignment that is not `key=value` (quoting
    ///   it only when it has no `=`, so no value, which may be a secret, is shown).
    public static func parse(_ assignments: [String]) throws -> [String: String] {
        var properties: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ValidationError("-X \(assignment): expected key=value, e.g. -X security.protocol=SSL")
            }
            guard equals != assignment.startIndex else {
                throw ValidationError("-X: a property name is missing before \"=\"; expected key=value")
            }
            properties[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return properties
    }
}
