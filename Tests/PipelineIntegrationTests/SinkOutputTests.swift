import Foundation
import Kafka
import Testing

@testable import Pipeline

/// The sink's files without a broker: rolling back to the checkpoint after a crash, the bounded
/// duplicate window, and the directory lock.
@Suite struct SinkOutputTests {
    private let partition = TopicPartition(topic: "articles.enriched", partition: 3)

    private func line(_ id: UInt64) -> String {
        #"{"id":"\#(String(format: "%016llx", id))"}"#
    }

    private func open(_ directory: URL, window: Int = 100) throws -> SinkPartitionFile {
        try SinkPartitionFile(
            partition: partition, paths: SinkDirectory.paths(for: partition, in: directory), windowCapacity: window)
    }

    /// The partition's lines, finished files first and then the active one, each in offset order.
    private func lines(in directory: URL) throws -> [String] {
        let text = try SinkFiles.partitionFiles(in: directory).map { try String(contentsOf: $0, encoding: .utf8) }
            .joined()
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func reopeningRollsBackToTheCheckpointRemovingLaterAndPartialLines() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        do {
            let file = try open(directory)
            for id in UInt64(1)...3 { #expect(try file.append(line: line(id).utf8, key: id, offset: Int64(id) + 10)) }
            #expect(try file.makeDurable() == 14)
            #expect(try file.append(line: line(4).utf8, key: 4, offset: 14))
            // A crash in the middle of a write leaves half a line behind.
            let handle = try FileHandle(
                forWritingTo: SinkDirectory.paths(for: partition, in: directory).active(startingAt: 11))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"id":"00000000000"#.utf8))
            try handle.close()
        }
        let reopened = try open(directory)
        #expect(reopened.nextOffset == 14)
        #expect(try lines(in: directory) == [line(1), line(2), line(3), ""])
        #expect(try reopened.append(line: line(2).utf8, key: 2, offset: 14) == false)
        #expect(try reopened.append(line: line(4).utf8, key: 4, offset: 15))
        #expect(try reopened.makeDurable() == 16)
        #expect(try lines(in: directory) == [line(1), line(2), line(3), line(4), ""])
    }

    @Test func aCrashBeforeTheFirstCheckpointRestartsFromTheFirstRecordWritten() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        do {
            let file = try open(directory)
            file.skip(offset: 40)
            for id in UInt64(1)...3 { #expect(try file.append(line: line(id).utf8, key: id, offset: Int64(id) + 40)) }
            // Killed here: lines written, no checkpoint made durable yet.
        }
        let reopened = try open(directory)
        #expect(reopened.nextOffset == 41)
        #expect(try lines(in: directory) == [""])
        #expect(try reopened.append(line: line(1).utf8, key: 1, offset: 41))
        #expect(try reopened.makeDurable() == 42)
        #expect(try lines(in: directory) == [line(1), ""])
    }

    @Test func discardingPendingWorkForgetsItsIDsToo() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        let file = try open(directory)
        #expect(try file.append(line: line(1).utf8, key: 1, offset: 0))
        _ = try file.makeDurable()
        #expect(try file.append(line: line(2).utf8, key: 2, offset: 1))
        try file.discardPendingWork()
        #expect(file.nextOffset == 1)
        #expect(try file.append(line: line(2).utf8, key: 2, offset: 1))
        #expect(try lines(in: directory) == [line(1), ""], "appended lines are written together, at the checkpoint")
        #expect(try file.makeDurable() == 2)
        #expect(try lines(in: directory) == [line(1), line(2), ""])
    }

    @Test func duplicateWindowRemembersTheLastIDsAcrossRestartsAndForgetsOlderOnes() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        do {
            let file = try open(directory, window: 3)
            for id in UInt64(1)...5 { #expect(try file.append(line: line(id).utf8, key: id, offset: Int64(id))) }
            _ = try file.makeDurable()
        }
        let reopened = try open(directory, window: 3)
        for id in UInt64(3)...5 { #expect(try reopened.append(line: line(id).utf8, key: id, offset: 6) == false) }
        // Outside the window of three: written again, as documented.
        #expect(try reopened.append(line: line(1).utf8, key: 1, offset: 7))
    }

    @Test func recentIDWindowEvictsInInsertionOrder() {
        var window = RecentIDWindow(capacity: 2)
        window.insert(10)
        window.insert(20)
        window.insert(30)
        #expect(!window.contains(10))
        #expect(window.contains(20) && window.contains(30))
        #expect(window.count == 2)
    }

    @Test func aSecondSinkOnTheSameDirectoryIsRefused() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        do {
            let first = try SinkDirectory(path: directory.path, windowCapacity: 10)
            #expect {
                try SinkDirectory(path: directory.path, windowCapacity: 10)
            } throws: { error in
                "\(error)".contains("another news-sink is writing to \(directory.path)")
            }
            withExtendedLifetime(first) {}
        }
        // Released when the first sink goes away.
        #expect(throws: Never.self) { try SinkDirectory(path: directory.path, windowCapacity: 10) }
    }

    @Test func jsonLinesWithoutACheckpointAreRefusedWithTheReason() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(SinkDirectory.stateDirectoryName), withIntermediateDirectories: true)
        try Data((line(1) + "\n").utf8).write(to: SinkDirectory.paths(for: partition, in: directory).legacyJSONLines)
        #expect {
            try open(directory)
        } throws: { error in
            "\(error)".contains("no checkpoint")
        }
    }

    @Test func articleKeysAreTheHexValueOrAStableHash() {
        #expect(ArticleKey.value(of: "00000000000000ff") == 255)
        // 64-bit FNV-1a, computed independently: stable across processes, unlike hashValue.
        #expect(ArticleKey.value(of: "not-a-pipeline-id") == 0x04cb_39d1_2e2b_130d)
        #expect(ArticleKey.value(of: "not-a-pipeline-id") != ArticleKey.value(of: "not-a-pipeline-iD"))
    }
}
