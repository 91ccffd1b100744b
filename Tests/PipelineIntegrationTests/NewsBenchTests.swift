import Foundation
import Testing

/// news-bench's figures come from counters a wrong build would leave at zero.
@Suite("news-bench")
struct NewsBenchTests {
    /// Every workload line reports allocations per article from the counter linked into
    /// news-bench alone; a generated corpus is read from its subdirectories.
    @Test func everyWorkloadReportsAllocationsAndTheCorpusIsReadFromSubdirectories() async throws {
        let corpus = try TestEnvironment.temporaryDirectory()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.seedsDirectory.path)
            .filter { $0.hasSuffix(".txt") }
        for (index, seed) in seeds.enumerated() {
            let directory = corpus.appendingPathComponent(String(format: "%04d", index % 2))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: TestEnvironment.seedsDirectory.appendingPathComponent(seed),
                to: directory.appendingPathComponent(seed))
        }
        let result = try await ExecutableRun.run(
            "news-bench",
            [
                "--seeds", TestEnvironment.seedsDirectory.path, "--corpus", corpus.path, "--seconds", "0.1",
                "--pathological-megabytes", "0",
            ],
            timeout: .seconds(300))
        #expect(result.status == 0, "\(result.standardError)")
        let workloads = result.standardOutput.split(separator: "\n").filter { $0.contains("articles/s") }
        // Seeds, enrichment alone, the corpus and three pathological shapes.
        #expect(workloads.count == 6, "\(result.standardOutput)")
        for line in workloads {
            let allocations = line.firstMatch(of: /, (\d+) allocations\/article$/).flatMap { Int($0.1) }
            // Parsing and enriching an article cannot be done in a handful of allocations; zero
            // means malloc was not counted.
            #expect((allocations ?? 0) > 50, "\(line)")
        }
        #expect(workloads.contains { $0.hasPrefix("generated corpus (\(seeds.count) articles)") }, "\(result.standardOutput)")
    }
}
