import Foundation
import Testing

/// Validates JSON Lines against one of the published schemas (`Sources/ArticleCore/Schemas/`)
/// with Python's jsonschema, a validator that is not ours (`Tests/Fixtures/validate_schema.py`).
enum SchemaValidation {
    static let directory = TestEnvironment.repositoryRoot.appendingPathComponent("Sources/ArticleCore/Schemas")

    /// Runs the validator on `lines`, one JSON document each, and expects it to pass.
    static func expectValid(
        _ lines: [String], against schema: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        let python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
        let records = try TestEnvironment.temporaryDirectory().appendingPathComponent("records.jsonl")
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: records)
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/Fixtures/validate_schema.py").path
        let validated = try await ExecutableRun.run(
            "/bin/sh",
            [
                "-c", "\"$0\" \"$1\" \"$2\" < \"$3\"", python, script, directory.appendingPathComponent(schema).path,
                records.path,
            ])
        #expect(
            validated.status == 0, "\(schema): \(validated.standardOutput)\(validated.standardError)",
            sourceLocation: sourceLocation)
    }
}
