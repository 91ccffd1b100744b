import ArticleCore
import CAllocationCounter
import Foundation

/// Processes articles round-robin for a fixed time and reports throughput, per-article latency
/// percentiles, CPU time and heap allocations.
struct ThroughputMeasurement {
    var articles = 0
    var bytes = 0
    var elapsed: Duration = .zero
    /// CPU time the measuring thread used meanwhile.
    var cpuTime: Duration = .zero
    /// Heap allocations meanwhile (the latencies' array, reserved ahead, adds almost none).
    var allocations: UInt64 = 0
    var latencies: [Duration] = []

    /// Each article is processed and its record encoded as the enricher sends it.
    /// - Parameters:
    ///   - minimumIterations: articles processed even when that takes longer than `duration`.
    static func run(
        _ corpus: [RawArticle],
        processor: ArticleProcessor = ArticleProcessor(),
        for duration: Duration,
        minimumIterations: Int = 100
    ) throws -> ThroughputMeasurement {
        let sizes = corpus.map { $0.text?.utf8.count ?? $0.bodyBase64?.utf8.count ?? 0 }
        let provenance = Provenance(enricherVersion: "bench", topic: nil, partition: nil, offset: nil, processedAt: Date())
        return run(sizes: sizes, for: duration, minimumIterations: minimumIterations) { index in
            _ = try? processor.process(corpus[index], provenance: provenance).jsonBytes()
        }
    }

    /// Runs `work` on items `0..<sizes.count` round-robin; `sizes` are the items' bytes.
    static func run(
        sizes: [Int], for duration: Duration, minimumIterations: Int = 100, work: (Int) -> Void
    ) -> ThroughputMeasurement {
        // Warm-up: caches, lazily built tables and allocator pools are not what is measured.
        for index in sizes.indices { work(index) }

        var measurement = ThroughputMeasurement()
        measurement.latencies.reserveCapacity(1 << 16)
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = ThreadCPUTime.now()
        let allocationsStarted = allocation_count()
        var index = 0
        while measurement.articles < minimumIterations || clock.now - started < duration {
            let before = clock.now
            work(index % sizes.count)
            measurement.latencies.append(clock.now - before)
            measurement.articles += 1
            measurement.bytes += sizes[index % sizes.count]
            index += 1
        }
        measurement.allocations = allocation_count() - allocationsStarted
        measurement.elapsed = clock.now - started
        measurement.cpuTime = ThreadCPUTime.now() - cpuStarted
        return measurement
    }

    func line(name: String) -> String {
        let seconds = elapsed.seconds
        let sorted = latencies.sorted()
        return String(
            format: "%@: %.0f articles/s, %.2f MB/s, p50 %@, p99 %@ (%d articles in %.1f s); CPU %.3f ms/article, %.0f allocations/article",
            name, Double(articles) / seconds, Double(bytes) / 1_048_576 / seconds,
            Self.format(percentile(0.50, of: sorted)), Self.format(percentile(0.99, of: sorted)), articles, seconds,
            cpuTime.seconds * 1000 / Double(max(1, articles)), Double(allocations) / Double(max(1, articles)))
    }

    private func percentile(_ fraction: Double, of sorted: [Duration]) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.3f ms", seconds * 1000)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
