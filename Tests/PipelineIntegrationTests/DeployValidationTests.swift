import Foundation
import Testing

/// deploy/ cannot be run here (no Docker engine, no cluster), so its files are checked
/// statically: yamllint, hadolint, the Compose Specification schema, kubernetes-validate, and
/// the cross-field checks of Tests/Fixtures/check_deploy_consistency.py.
@Suite("deploy/ validation")
struct DeployValidationTests {
    static let deploy = TestEnvironment.repositoryRoot.appendingPathComponent("deploy")
    static let yamllintConfig = TestEnvironment.repositoryRoot.appendingPathComponent(".yamllint")

    @Test(.enabled(if: TestEnvironment.python != nil || TestEnvironment.isCI))
    func deployFilesPassEveryValidator() async throws {
        let python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
        let problems = try await DeployValidators(python: python)
            .problems(in: Self.deploy, yamllintConfig: Self.yamllintConfig)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n\n"))")
    }

    /// Each tool reports a fault put into a copy of deploy/, so a passing run above means
    /// the tools looked, not that they were given nothing to look at.
    @Test(.enabled(if: TestEnvironment.python != nil || TestEnvironment.isCI))
    func eachValidatorReportsAFaultInACopy() async throws {
        let python = try TestEnvironment.require(TestEnvironment.python, "NEWS_PYTHON")
        let copy = try TestEnvironment.temporaryDirectory().appendingPathComponent("deploy")
        try FileManager.default.copyItem(at: Self.deploy, to: copy)
        try Self.replace(
            "containerPort: 9464", with: "containerPort: nine", in: copy, "kubernetes/sink-deployment.yaml")
        try Self.replace(
            "lagThreshold: \"100\"", with: "lagThreshold: 100", in: copy, "kubernetes/enricher-scaledobject.yaml")
        try Self.replace("stop_grace_period: 45s", with: "stop_grace_period: [45s]", in: copy, "compose.yaml")
        try Self.replace("WORKDIR /src", with: "WORKDIR src", in: copy, "Dockerfile")
        try Self.replace(
            "  LOG_LEVEL: \"info\"", with: "  LOG_LEVEL: \"info\"   ", in: copy, "kubernetes/configmap.yaml")

        let problems = try await DeployValidators(python: python)
            .problems(in: copy, yamllintConfig: Self.yamllintConfig)
        let report = problems.map(\.description).joined(separator: "\n\n")
        let tools = Set(problems.map(\.tool))
        #expect(tools.contains("yamllint"), "\(report)")  // trailing spaces
        #expect(tools.contains("hadolint"), "\(report)")  // DL3000: relative WORKDIR
        #expect(tools.contains("check-jsonschema"), "\(report)")
        #expect(tools.contains("kubernetes-validate"), "\(report)")
        #expect(tools.contains("check_deploy_consistency.py"), "\(report)")  // unquoted lagThreshold
        #expect(report.contains("lagThreshold must be a string"), "\(report)")
    }

    private static func replace(_ original: String, with broken: String, in copy: URL, _ file: String) throws {
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(original), "\(file) no longer contains \(original)")
        try text.replacingOccurrences(of: original, with: broken).write(to: url, atomically: true, encoding: .utf8)
    }
}
