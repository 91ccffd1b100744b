import Foundation
import Testing

@testable import Pipeline

@Suite struct WatchStateTests {
    @Test func handledFilesSurviveARestartAndAChangedFileIsNew() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let first = FileSnapshot(size: 10, modified: 1)
        do {
            let state = try WatchState(directory: directory)
            try state.record("/in/a.txt", first, published: true)
            try state.synchronize()
        }
        let reopened = try WatchState(directory: directory)
        #expect(reopened.isHandled("/in/a.txt", first))
        #expect(!reopened.isHandled("/in/a.txt", FileSnapshot(size: 12, modified: 2)))
        #expect(!reopened.isHandled("/in/b.txt", first))
    }

    @Test func aPartialLineLeftByACrashIsIgnoredAndCutOff() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        do {
            let state = try WatchState(directory: directory)
            try state.record("/in/a.txt", FileSnapshot(size: 1, modified: 1), published: true)
            try state.synchronize()
        }
        let log = directory.appendingPathComponent("published.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"path":"/in/b.t"#.utf8))
        try handle.close()
        do {
            let state = try WatchState(directory: directory)
            #expect(state.count == 1)
            try state.record("/in/c.txt", FileSnapshot(size: 3, modified: 3), published: true)
            try state.synchronize()
        }
        #expect(try WatchState(directory: directory).count == 2)
    }

    /// The 300,000-article soak saw a SIGTERM 3 s after a watching producer started end in the
    /// shutdown backstop's exit 1: loading a state of that size took longer than the budget.
    @Test func loadingALargeStateStopsWhenAskedAndLeavesTheStateWhole() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let files = 3 * WatchState.entriesBetweenStopChecks
        do {
            let state = try WatchState(directory: directory)
            for number in 0..<files {
                try state.record("/in/\(number).txt", FileSnapshot(size: 1, modified: 1), published: true)
            }
            try state.synchronize()
        }
        var questions = 0
        do {
            let interrupted = try WatchState(directory: directory) {
                questions += 1
                return questions > 1
            }
            #expect(interrupted.loadWasInterrupted)
            #expect(interrupted.count == WatchState.entriesBetweenStopChecks)
        }
        let reopened = try WatchState(directory: directory)
        #expect(!reopened.loadWasInterrupted)
        #expect(reopened.count == files)
    }

    @Test func aSecondWatcherOnTheSameStateIsRefused() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let first = try WatchState(directory: directory)
        #expect {
            try WatchState(directory: directory)
        } throws: { error in
            "\(error)".contains("another news-producer is watching")
        }
        withExtendedLifetime(first) {}
    }

    @Test func symbolicLinkLoopsAndDanglingLinksAreNamed() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let a = directory.appendingPathComponent("a.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: "b.txt")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        #expect(SymbolicLink.problem(at: a)?.kind == .rejected(.symlinkLoop))
        let dangling = directory.appendingPathComponent("c.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing.txt")
        #expect(SymbolicLink.problem(at: dangling)?.kind == .rejected(.brokenLink))
        #expect(SymbolicLink.problem(at: directory.path) == nil)
    }

    @Test func tooLargeFilesAreRejectedWithoutReadingThem() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let file = directory.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 2_000).write(to: file)
        let result = ArticleInputReader(maximumRecordBytes: 1_000).read(ArticleInput(path: file.path, format: .text))
        #expect(result.articles.isEmpty)
        #expect(result.problems.map(\.kind) == [.rejected(.tooLarge)])
    }
}
