import ArgumentParser
import ArticleCore
import Foundation

/// Encoding and decoding of the seeds' records, each path on its own: what a record's JSON
/// costs the producer (raw encode, and the whole record from the file's bytes), the enricher
/// (raw decode, enriched encode) and the sink (enriched decode).
struct CodecWorkload {
    /// One codec path, named as `--codec-path` takes it.
    enum Path: String, CaseIterable, ExpressibleByArgument {
        case encodeRaw = "encode-raw"
        case decodeRaw = "decode-raw"
        case encodeEnriched = "encode-enriched"
        case decodeEnriched = "decode-enriched"
        /// The producer's record from a file's bytes: validation, the id's normalisation and
        /// hash, and the encoding.
        case produceRaw = "produce-raw"
    }

    let files: [[UInt8]]
    let raws: [RawArticle]
    let rawValues: [[UInt8]]
    let enriched: [EnrichedArticle]
    let enrichedValues: [[UInt8]]

    /// Processes the seeds once, outside the measurement.
    init(seeds: [RawArticle]) throws {
        files = seeds.map { Array($0.text?.utf8 ?? "".utf8) }
        let provenance = Provenance(
            enricherVersion: "bench", topic: "articles.raw", partition: 3, offset: 41_207, processedAt: Date())
        raws = seeds
        rawValues = seeds.map { $0.jsonBytes() }
        enriched = try seeds.map { try ArticleProcessor().process($0, provenance: provenance) }
        enrichedValues = enriched.map { $0.jsonBytes() }
        // A value that failed to decode would time the error path instead.
        for (raw, enriched) in zip(rawValues, enrichedValues) {
            _ = try RawArticle.decode(recordValue: raw, fallbackSource: "bench", receivedAt: Date())
            _ = try EnrichedArticle.decode(recordValue: enriched)
        }
    }

    /// The record bytes `path` reads or writes, per seed.
    func sizes(_ path: Path) -> [Int] {
        switch path {
        case .encodeRaw, .decodeRaw: rawValues.map(\.count)
        case .produceRaw: files.map(\.count)
        case .encodeEnriched, .decodeEnriched: enrichedValues.map(\.count)
        }
    }

    /// Runs `path` once on seed `index`.
    func work(_ path: Path, index: Int) {
        switch path {
        case .encodeRaw:
            _ = raws[index].jsonBytes()
        case .decodeRaw:
            _ = try? RawArticle.decode(recordValue: rawValues[index], fallbackSource: "bench", receivedAt: Date())
        case .encodeEnriched:
            _ = enriched[index].jsonBytes()
        case .decodeEnriched:
            _ = try? EnrichedArticle.decode(recordValue: enrichedValues[index])
        case .produceRaw:
            _ = RawArticle.fromBytes(files[index], source: "bench", contentType: "text/plain", receivedAt: Date())
                .jsonBytes()
        }
    }

    /// `"decode-raw: 41,000 records/s, 24,390 ns/record, 250.1 MB/s (CPU time)"`.
    func run(_ path: Path, for duration: Duration) -> String {
        let run = ThroughputMeasurement.run(sizes: sizes(path), for: duration, minimumIterations: 1000) { index in
            work(path, index: index)
        }
        let cpuSeconds = run.cpuTime.seconds
        return String(
            format: "%@: %.0f records/s, %.0f ns/record, %.1f MB/s (CPU time, %d records)", path.rawValue,
            Double(run.articles) / cpuSeconds, cpuSeconds * 1e9 / Double(run.articles),
            Double(run.bytes) / 1_048_576 / cpuSeconds, run.articles)
    }

    /// Runs `path` a fixed number of times round-robin over the seeds and nothing else, for
    /// instruction counts under callgrind (which slows the clock too much for timed runs).
    func run(_ path: Path, records: Int) {
        for record in 0..<records { work(path, index: record % raws.count) }
    }
}
