import Foundation
import Kafka
import Testing

@testable import Pipeline

/// Rolling the sink's files without a broker: the policy, finishing a file, a crash at every
/// step of a roll (the files left as each step leaves them), and taking over a directory of the
/// format before rolling.
@Suite struct SinkRollTests {
    private let partition = TopicPartition(topic: "articles.enriched", partition: 2)

    private func line(_ id: UInt64) -> String {
        #"{"id":"\#(String(format: "%016llx", id))"}"#
    }

    private func outputDirectory() throws -> URL {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        return directory
    }

    private func paths(_ directory: URL) -> SinkPartitionFile.Paths {
        SinkDirectory.paths(for: partition, in: directory)
    }

    private func open(
        _ directory: URL, window: Int = 100, compression: SinkCompression = .none
    ) throws -> SinkPartitionFile {
        try SinkPartitionFile(
            partition: partition, paths: paths(directory), windowCapacity: window, compression: compression)
    }

    private func text(of url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    private func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(SinkFiles.isOutput).sorted()
    }

    private func checkpoint(_ directory: URL) throws -> SinkCheckpoint? {
        try SinkCheckpoint.load(from: paths(directory).checkpoint)
    }

    /// Writes lines 1...3 from offsets 10...12 and makes them durable: the state just before a roll.
    private func durableThreeLines(
        in directory: URL, compression: SinkCompression = .none
    ) throws -> SinkPartitionFile {
        let file = try open(directory, compression: compression)
        for id in UInt64(1)...3 { #expect(try file.append(line: line(id).utf8, key: id, offset: Int64(id) + 9)) }
        #expect(try file.makeDurable() == 13)
        return file
    }

    private var threeLines: String { [line(1), line(2), line(3)].map { $0 + "\n" }.joined() }

    // MARK: - The policy

    @Test func policyRollsBeforeALineThatWouldPassTheSizeButNeverAnEmptyFile() {
        let policy = SinkRollPolicy(maximumBytes: 100, maximumAge: 60)
        let now = Date()
        let young = SinkSegment(startOffset: 0, bytes: 90, firstLineAt: now.timeIntervalSince1970)
        #expect(policy.isDue(before: 10, in: young, at: now) == false, "exactly the size still fits")
        #expect(policy.isDue(before: 11, in: young, at: now))
        #expect(policy.isDue(before: 500, in: SinkSegment(startOffset: 0, bytes: 0), at: now) == false)
        #expect(policy.isDue(before: 500, in: nil, at: now) == false)
    }

    @Test func policyRollsAFileWhoseFirstLineIsOldEnough() {
        let policy = SinkRollPolicy(maximumBytes: 1000, maximumAge: 60)
        let now = Date()
        let old = SinkSegment(startOffset: 0, bytes: 10, firstLineAt: now.timeIntervalSince1970 - 60)
        let young = SinkSegment(startOffset: 0, bytes: 10, firstLineAt: now.timeIntervalSince1970 - 59)
        #expect(policy.isDue(old, at: now))
        #expect(policy.isDue(before: 10, in: old, at: now))
        #expect(policy.isDue(young, at: now) == false)
        #expect(policy.isDue(before: 10, in: young, at: now) == false)
        #expect(policy.isDue(SinkSegment(startOffset: 0, bytes: 0), at: now) == false)
    }

    // MARK: - Finishing

    @Test func finishingRenamesTheActiveFileAndTheNextLineStartsAFileNamedByItsOffset() throws {
        let directory = try outputDirectory()
        let file = try durableThreeLines(in: directory)
        #expect(try names(in: directory) == [".articles.enriched-p2-00000000000000000010.jsonl.inprogress"])
        let finished = try #require(try file.finishActiveFile())
        #expect(finished.lastPathComponent == "articles.enriched-p2-00000000000000000010.jsonl")
        #expect(try text(of: finished) == threeLines)
        #expect(try names(in: directory) == ["articles.enriched-p2-00000000000000000010.jsonl"])
        #expect(try checkpoint(directory)?.active == nil)
        #expect(try checkpoint(directory)?.finishing == nil)
        #expect(try file.finishActiveFile() == nil, "nothing to finish: no empty finished file")

        // A duplicate of a line in the finished file is still remembered.
        #expect(try file.append(line: line(2).utf8, key: 2, offset: 13) == false)
        #expect(try file.append(line: line(4).utf8, key: 4, offset: 14))
        #expect(try file.makeDurable() == 15)
        #expect(
            try names(in: directory) == [
                ".articles.enriched-p2-00000000000000000014.jsonl.inprogress",
                "articles.enriched-p2-00000000000000000010.jsonl",
            ])
        #expect(try text(of: paths(directory).active(startingAt: 14)) == line(4) + "\n")
        #expect(try checkpoint(directory)?.lines == 4)
    }

    @Test func theDuplicateWindowHoldsAcrossARollAndARestart() throws {
        let directory = try outputDirectory()
        do {
            let file = try durableThreeLines(in: directory)
            try file.finishActiveFile()
        }
        let reopened = try open(directory)
        #expect(reopened.nextOffset == 13)
        for id in UInt64(1)...3 { #expect(try reopened.append(line: line(id).utf8, key: id, offset: 13) == false) }
    }

    // MARK: - A crash at each step of a roll

    @Test func aCrashBeforeTheRollBeganKeepsTheFileActive() throws {
        let directory = try outputDirectory()
        do { _ = try durableThreeLines(in: directory) }
        let reopened = try open(directory)
        #expect(try names(in: directory) == [".articles.enriched-p2-00000000000000000010.jsonl.inprogress"])
        #expect(reopened.activeSegment?.bytes == Int64(threeLines.utf8.count))
        #expect(try reopened.finishActiveFile() != nil)
        #expect(try text(of: paths(directory).finished(startingAt: 10)) == threeLines)
    }

    /// The checkpoint records the file as finishing; the rename did not happen.
    @Test func aCrashAfterRecordingTheRollButBeforeTheRenameIsFinishedAtTheNextStart() throws {
        let directory = try outputDirectory()
        do {
            _ = try durableThreeLines(in: directory)
            var finishing = try #require(try checkpoint(directory))
            finishing.finishing = finishing.active
            finishing.active = nil
            try finishing.write(to: paths(directory).checkpoint)
        }
        let reopened = try open(directory)
        #expect(try names(in: directory) == ["articles.enriched-p2-00000000000000000010.jsonl"])
        #expect(try text(of: paths(directory).finished(startingAt: 10)) == threeLines)
        #expect(try checkpoint(directory)?.finishing == nil)
        #expect(reopened.nextOffset == 13)
        #expect(try reopened.append(line: line(3).utf8, key: 3, offset: 13) == false)
    }

    /// The rename happened; the checkpoint still records the file as finishing.
    @Test func aCrashAfterTheRenameButBeforeTheLastCheckpointFindsTheRollDone() throws {
        let directory = try outputDirectory()
        do {
            _ = try durableThreeLines(in: directory)
            var finishing = try #require(try checkpoint(directory))
            finishing.finishing = finishing.active
            finishing.active = nil
            try finishing.write(to: paths(directory).checkpoint)
            try FileManager.default.moveItem(
                at: paths(directory).active(startingAt: 10), to: paths(directory).finished(startingAt: 10))
        }
        let reopened = try open(directory)
        #expect(try names(in: directory) == ["articles.enriched-p2-00000000000000000010.jsonl"])
        #expect(try text(of: paths(directory).finished(startingAt: 10)) == threeLines)
        #expect(try checkpoint(directory)?.finishing == nil)
        #expect(try reopened.append(line: line(4).utf8, key: 4, offset: 13))
        #expect(try reopened.makeDurable() == 14)
        #expect(try text(of: paths(directory).active(startingAt: 13)) == line(4) + "\n")
    }

    /// After the roll: the next file is recorded and has lines and half a line that no
    /// checkpoint covers.
    @Test func aCrashAfterTheNextFileGotUncheckpointedLinesCutsItBackToEmpty() throws {
        let directory = try outputDirectory()
        do {
            let file = try durableThreeLines(in: directory)
            try file.finishActiveFile()
            #expect(try file.append(line: line(4).utf8, key: 4, offset: 13))
            #expect(try file.append(line: line(5).utf8, key: 5, offset: 14))
            _ = try file.makeDurable()
            #expect(try file.append(line: line(6).utf8, key: 6, offset: 15))
            let handle = try FileHandle(forWritingTo: paths(directory).active(startingAt: 13))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line(6) + "\n" + #"{"id":"000"#).utf8))
            try handle.close()
        }
        let reopened = try open(directory)
        #expect(reopened.nextOffset == 15)
        #expect(try text(of: paths(directory).active(startingAt: 13)) == line(4) + "\n" + line(5) + "\n")
        #expect(try text(of: paths(directory).finished(startingAt: 10)) == threeLines)
        #expect(try reopened.append(line: line(6).utf8, key: 6, offset: 15))
    }

    @Test func aFinishingFileThatVanishedIsReportedNotSkipped() throws {
        let directory = try outputDirectory()
        do {
            _ = try durableThreeLines(in: directory)
            var finishing = try #require(try checkpoint(directory))
            finishing.finishing = finishing.active
            finishing.active = nil
            try finishing.write(to: paths(directory).checkpoint)
            try FileManager.default.removeItem(at: paths(directory).active(startingAt: 10))
        }
        #expect {
            try open(directory)
        } throws: { error in
            "\(error)".contains("articles.enriched-p2-00000000000000000010.jsonl should have")
                && "\(error)".contains("missing")
        }
    }

    @Test func anActiveFileThatVanishedIsReported() throws {
        let directory = try outputDirectory()
        do { _ = try durableThreeLines(in: directory) }
        try FileManager.default.removeItem(at: paths(directory).active(startingAt: 10))
        #expect {
            try open(directory)
        } throws: { error in
            "\(error)".contains("is missing but its checkpoint")
        }
    }

    // MARK: - gzip

    private var gzipName: String { "articles.enriched-p2-00000000000000000010.jsonl.gz" }

    /// The checkpoint as a roll with gzip leaves it right after its first step.
    private func recordGzipFinishing(in directory: URL) throws {
        var finishing = try #require(try checkpoint(directory))
        finishing.finishing = finishing.active
        finishing.finishing?.compression = .gzip
        finishing.active = nil
        try finishing.write(to: paths(directory).checkpoint)
    }

    @Test func gzipFinishesAFileAsJSONLinesGzipThatGzipReadsAndRemovesTheOriginal() throws {
        let directory = try outputDirectory()
        let file = try durableThreeLines(in: directory, compression: .gzip)
        let finished = try #require(try file.finishActiveFile())
        #expect(finished.lastPathComponent == gzipName)
        #expect(try names(in: directory) == [gzipName])
        #expect(String(decoding: try SinkFiles.contents(of: finished), as: UTF8.self) == threeLines)
        #expect(try checkpoint(directory)?.finishing == nil)
    }

    @Test func gzipOfAFileLargerThanOneChunkReadsBackWhole() throws {
        let directory = try outputDirectory()
        let file = try open(directory, compression: .gzip)
        var expected = ""
        // About 2 MiB of lines that do not compress to nothing: more than one 1 MiB chunk.
        for id in UInt64(1)...30_000 {
            let text = #"{"id":"\#(String(format: "%016llx", id))","n":"\#(UInt64.random(in: 0...UInt64.max))"}"#
            #expect(try file.append(line: text.utf8, key: id, offset: Int64(id)))
            expected += text + "\n"
        }
        _ = try file.makeDurable()
        let finished = try #require(try file.finishActiveFile())
        #expect(String(decoding: try SinkFiles.contents(of: finished), as: UTF8.self) == expected)
    }

    /// Killed while compressing: a partial hidden temporary file, the active file still there.
    @Test func gzipInterruptedWhileCompressingIsRedoneAtTheNextStart() throws {
        let directory = try outputDirectory()
        do {
            _ = try durableThreeLines(in: directory, compression: .gzip)
            try recordGzipFinishing(in: directory)
            try Data([0x1f, 0x8b, 0x08]).write(to: paths(directory).compressing(startingAt: 10))
        }
        // Started again without --compress: the roll that began with gzip ends with gzip.
        _ = try open(directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.filter { $0 != SinkDirectory.stateDirectoryName } == [gzipName])
        let finished = paths(directory).finished(startingAt: 10, compression: .gzip)
        #expect(String(decoding: try SinkFiles.contents(of: finished), as: UTF8.self) == threeLines)
    }

    /// Killed after the `.gz` got its name, before the original was removed.
    @Test func gzipInterruptedBeforeTheOriginalWasRemovedRemovesItWithoutCompressingAgain() throws {
        let directory = try outputDirectory()
        let finished = paths(directory).finished(startingAt: 10, compression: .gzip)
        do {
            _ = try durableThreeLines(in: directory, compression: .gzip)
            try recordGzipFinishing(in: directory)
            try GzipCompressor.compress(paths(directory).active(startingAt: 10), to: finished)
        }
        let compressed = try Data(contentsOf: finished)
        _ = try open(directory, compression: .gzip)
        #expect(try names(in: directory) == [gzipName])
        #expect(try Data(contentsOf: finished) == compressed, "a finished file never changes")
        #expect(try checkpoint(directory)?.finishing == nil)
    }

    // MARK: - The format before rolling

    @Test func aDirectoryOfTheFormatBeforeRollingIsTakenOverAndItsFileKeptAsFinished() throws {
        let directory = try outputDirectory()
        let paths = paths(directory)
        let kept = line(1) + "\n" + line(2) + "\n"
        // As the earlier sink left it after a crash: a line past the checkpoint and half a line.
        try Data((kept + line(3) + "\n" + #"{"id":"00"#).utf8).write(to: paths.legacyJSONLines)
        var ids = Data()
        for id in [UInt64(1), 2, 3] { withUnsafeBytes(of: id.littleEndian) { ids.append(contentsOf: $0) } }
        try ids.write(to: paths.idLog)
        try Data(#"{"jsonl_bytes":\#(kept.utf8.count),"lines":2,"next_offset":7}"#.utf8).write(to: paths.checkpoint)

        let file = try open(directory)
        #expect(file.nextOffset == 7)
        #expect(try text(of: paths.legacyJSONLines) == kept)
        #expect(try checkpoint(directory)?.format == SinkCheckpoint.currentFormat)
        #expect(try file.append(line: line(2).utf8, key: 2, offset: 7) == false, "its ids are remembered")
        #expect(try file.append(line: line(3).utf8, key: 3, offset: 8))
        #expect(try file.makeDurable() == 9)
        #expect(
            try names(in: directory) == [
                ".articles.enriched-p2-00000000000000000008.jsonl.inprogress", "articles.enriched-p2.jsonl",
            ])
        #expect(try text(of: paths.legacyJSONLines) == kept, "the old file is never appended to again")
    }

    @Test func aCheckpointOfANewerFormatIsRefusedWithTheReason() throws {
        let directory = try outputDirectory()
        try Data(#"{"format":3,"lines":0,"next_offset":0}"#.utf8).write(to: paths(directory).checkpoint)
        #expect {
            try open(directory)
        } throws: { error in
            "\(error)".contains("format 3, newer than this news-sink's (2)")
        }
    }

    // MARK: - Discarding output

    @Test func discardingOutputRemovesFinishedAndActiveFilesButNothingElse() throws {
        let directory = try outputDirectory()
        do {
            let file = try durableThreeLines(in: directory)
            try file.finishActiveFile()
            #expect(try file.append(line: line(4).utf8, key: 4, offset: 13))
            _ = try file.makeDurable()
        }
        try Data("partial".utf8).write(to: paths(directory).compressing(startingAt: 10))
        let other = directory.appendingPathComponent("articles.enriched-p22-00000000000000000001.jsonl")
        try Data("keep\n".utf8).write(to: other)
        let removed = try SinkService.discardOutput(in: directory.path)
        #expect(
            removed.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == [
                ".articles.enriched-p2-00000000000000000010.jsonl.gz.tmp",
                ".articles.enriched-p2-00000000000000000013.jsonl.inprogress",
                "articles.enriched-p2-00000000000000000010.jsonl",
            ])
        #expect(try names(in: directory) == ["articles.enriched-p22-00000000000000000001.jsonl"])
    }
}
