import Foundation
import Testing

/// The static checks of `deploy/`, run with the linters and validators that
/// scripts/lib/environment.sh installs in the project's venv: no Docker engine or cluster is
/// needed. Each check reports what its tool printed, so a failing test shows the tool's words.
struct DeployValidators {
    /// One tool's complaint: which tool, about which file, and its output.
    struct Problem: CustomStringConvertible {
        var tool: String
        var subject: String
        var output: String

        var description: String { "\(tool) \(subject):\n\(output)" }
    }

    /// The Kubernetes version the manifests are validated for.
    static let kubernetesVersion = "1.30.0"

    /// Files in deploy/kubernetes/ that kubernetes-validate cannot check, and why. The
    /// ScaledObject's fields are checked by Tests/Fixtures/check_deploy_consistency.py instead.
    static let notKubernetesValidated: [String: String] = [
        "kustomization.yaml": "a Kustomize configuration, not an object sent to the API server",
        "enricher-scaledobject.yaml": "KEDA's CRD: kubernetes-validate has schemas for built-in kinds only",
    ]

    let binDirectory: URL

    /// The tools next to the project's Python (`NEWS_PYTHON`, the venv scripts/test.sh prepares).
    init(python: String) {
        binDirectory = URL(fileURLWithPath: python).deletingLastPathComponent()
    }

    /// Every problem the tools find in `deploy` (a copy of the repository's deploy/ or the real
    /// one), linting YAML with the yamllint configuration at `yamllintConfig`.
    func problems(in deploy: URL, yamllintConfig: URL) async throws -> [Problem] {
        var problems: [Problem] = []
        problems += try await run("yamllint", ["--strict", "--config-file", yamllintConfig.path, deploy.path])
        problems += try await run(
            "hadolint", ["--failure-threshold", "style", deploy.appendingPathComponent("Dockerfile").path])
        problems += try await run(
            "check-jsonschema",
            ["--builtin-schema", "vendor.compose-spec", deploy.appendingPathComponent("compose.yaml").path])
        problems += try await kubernetesValidateEachManifest(in: deploy.appendingPathComponent("kubernetes"))
        problems += try await kubernetesValidateRendered(deploy.appendingPathComponent("kubernetes"))
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/Fixtures/check_deploy_consistency.py")
        problems += try await run("python", [script.path, deploy.path], name: "check_deploy_consistency.py")
        return problems
    }

    private func kubernetesValidateEachManifest(in kubernetes: URL) async throws -> [Problem] {
        let manifests = try FileManager.default.contentsOfDirectory(atPath: kubernetes.path)
            .filter { $0.hasSuffix(".yaml") && Self.notKubernetesValidated[$0] == nil }
            .sorted()
            .map { kubernetes.appendingPathComponent($0).path }
        // A kind without a schema is only a warning to kubernetes-validate: it counts as a
        // problem here, so nothing passes unvalidated.
        return try await run(
            "kubernetes-validate", ["--strict", "--quiet", "-k", Self.kubernetesVersion] + manifests,
            subject: kubernetes.path, failsOn: { $0.contains("WARN") || $0.contains("ERROR") })
    }

    /// What `kubectl apply -k` would send, when kubectl is installed (it is no Debian or PyPI
    /// package, so a fresh machine may lack it; the per-file check above always runs).
    private func kubernetesValidateRendered(_ kubernetes: URL) async throws -> [Problem] {
        let path = (TestEnvironment.variables["PATH"] ?? "").split(separator: ":").map { "\($0)/kubectl" }
        guard let kubectl = path.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return [] }
        let rendered = try await ExecutableRun.run(kubectl, ["kustomize", kubernetes.path])
        guard rendered.status == 0 else {
            return [Problem(tool: "kubectl kustomize", subject: kubernetes.path, output: rendered.standardError)]
        }
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("rendered.yaml")
        try Data(rendered.standardOutput.utf8).write(to: file)
        return try await run(
            "kubernetes-validate", ["--strict", "--quiet", "-k", Self.kubernetesVersion, file.path],
            name: "kubernetes-validate (kustomize output)",
            failsOn: { output in
                output.split(separator: "\n").contains { line in
                    (line.contains("WARN") && !line.contains("kind ScaledObject with api version keda.sh/v1alpha1"))
                        || line.contains("ERROR")
                }
            })
    }

    /// Runs a tool of the venv; a non-zero exit, or output that `failsOn` accepts, is a problem
    /// about `subject` (by default the last argument, the file checked).
    private func run(
        _ tool: String, _ arguments: [String], name: String? = nil, subject: String? = nil,
        failsOn: (String) -> Bool = { _ in false }
    ) async throws -> [Problem] {
        let executable = binDirectory.appendingPathComponent(tool).path
        try #require(
            FileManager.default.isExecutableFile(atPath: executable),
            "\(executable) is missing: scripts/lib/environment.sh installs it in the project's venv")
        let result = try await ExecutableRun.run(executable, arguments)
        let output = result.standardOutput + result.standardError
        guard result.status != 0 || failsOn(output) else { return [] }
        return [
            Problem(
                tool: name ?? tool, subject: subject ?? arguments.last ?? "", output: "exit \(result.status)\n\(output)"
            )
        ]
    }
}
