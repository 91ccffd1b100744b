import ArgumentParser
import ArticleCore
import Foundation

/// `news-bench`: throughput, latency, CPU time, allocations and peak memory of the enricher's
/// processing (`ArticleProcessor`: decode, parse, enrich, and the record's JSON encoding) on one
/// core, without Kafka, and of enrichment (`ArticleEnricher`) alone; with `--codec`, of the
/// records' JSON encoding and decoding.
///
/// Run it from a release build: `swift run -c release news-bench`. Figures go to standard
/// output, one line per workload, so they can be pasted into BENCHMARKS.md.
@main
struct NewsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-bench",
        abstract: "Measure article processing throughput, latency and peak memory on one core.",
        // news-bench measures ArticleCore alone and does not load librdkafka.
        version: ProjectVersion.current)

    @Option(help: "Directory of seed articles to process repeatedly.")
    var seeds = "seeds"

    @Option(
        help: """
            Directory of generated seed-like articles (made by scripts/bench/corpus.py), processed after the seeds.
            """)
    var corpus: String?

    @Option(help: "Seconds to spend on each workload after warming up.")
    var seconds = 5.0

    @Option(help: "Size in megabytes of each pathological input.")
    var pathologicalMegabytes = 10

    @Flag(help: "Measure only the records' JSON encoding and decoding, path by path.")
    var codec = false

    @Option(help: "With --codec: run only this path.")
    var codecPath: CodecWorkload.Path?

    @Option(
        help: """
            Process this many seeds (decode, parse, enrich, encode), or with --codec this many records per \
            path, untimed (for callgrind), instead of timing.
            """)
    var records: Int?

    func run() throws {
        let articles = try ArticleCorpus.load(directory: seeds)
        if codec {
            try runCodec(articles)
            return
        }
        if let records {
            // Instruction counts repeat exactly where timings on a shared machine do not.
            let processor = ArticleProcessor()
            let provenance = Provenance(enricherVersion: "bench", topic: nil, partition: nil, offset: nil, processedAt: Date())
            for index in 0..<records {
                _ = try? processor.process(articles[index % articles.count], provenance: provenance).jsonBytes()
            }
            print("seeds: \(records) articles processed")
            return
        }
        print("news-bench: ArticleProcessor \(ArticleProcessor.version), one core, \(seconds) s per workload")
        let seedRun = try ThroughputMeasurement.run(articles, for: .seconds(seconds))
        print(seedRun.line(name: "seeds (\(articles.count) articles)"))
        let enrichmentRun = try EnrichmentWorkload(seeds: articles).run(for: .seconds(seconds))
        print(enrichmentRun.line(name: "enrichment alone (\(articles.count) seeds' parsed articles)"))
        print("peak RSS: \(PeakMemory.residentMegabytes()) MB")
        if let corpus {
            let generated = try ArticleCorpus.load(directory: corpus)
            let corpusRun = try ThroughputMeasurement.run(generated, for: .seconds(seconds))
            print(corpusRun.line(name: "generated corpus (\(generated.count) articles)"))
            print("peak RSS: \(PeakMemory.residentMegabytes()) MB")
        }

        var processor = ArticleProcessor()
        // The pathological inputs are far above the default 2 MB limit on purpose: they measure
        // the parser's scaling, not the limit.
        processor.maximumTextBytes = (pathologicalMegabytes + 1) * 1024 * 1024
        for input in PathologicalInput.all(megabytes: pathologicalMegabytes) {
            let run = try ThroughputMeasurement.run(
                [input.article], processor: processor, for: .seconds(seconds), minimumIterations: 1)
            print(run.line(name: input.name))
        }
        print("peak RSS: \(PeakMemory.residentMegabytes()) MB")
    }

    private func runCodec(_ articles: [RawArticle]) throws {
        let workload = try CodecWorkload(seeds: articles)
        let paths = codecPath.map { [$0] } ?? CodecWorkload.Path.allCases
        for path in paths {
            if let records {
                workload.run(path, records: records)
                print("\(path.rawValue): \(records) records")
            } else {
                print(workload.run(path, for: .seconds(seconds)))
            }
        }
    }
}
