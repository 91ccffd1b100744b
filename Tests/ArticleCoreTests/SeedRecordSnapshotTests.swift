import Foundation
import Testing

@testable import ArticleCore

/// The whole record each seed gives, byte for byte, against `Tests/Fixtures/records/`: a change
/// that makes processing faster must leave every byte as it was, and a change to the rules shows
/// here what it changed. After an intended change, write the files again with
/// `NEWS_WRITE_RECORD_SNAPSHOTS=1 scripts/test.sh --filter SeedRecordSnapshot` and review the
/// diff before committing it.
@Suite struct SeedRecordSnapshotTests {
    static let rewrite = ProcessInfo.processInfo.environment["NEWS_WRITE_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: RepositoryFixtures.seedNames)
    func seedRecordIsByteForByteTheCommittedOne(_ file: String) throws {
        // The times are fixed by SeedGoldenTests.process, so the record depends on the code alone.
        let record = try SeedGoldenTests.process(file).jsonBytes() + [UInt8(ascii: "\n")]
        let url = RepositoryFixtures.recordSnapshot(file)
        if Self.rewrite {
            try Data(record).write(to: url)
            return
        }
        let committed = try [UInt8](Data(contentsOf: url))
        let firstDifference =
            zip(record, committed).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? min(record.count, committed.count)
        let context = String(decoding: record.dropFirst(max(0, firstDifference - 40)).prefix(160), as: UTF8.self)
        // A Bool, so that a failure prints the context below instead of two byte arrays.
        let isUnchanged = record == committed
        #expect(
            isUnchanged,
            "\(file): the record differs from \(url.lastPathComponent) from byte \(firstDifference) on: \(context)")
    }
}
