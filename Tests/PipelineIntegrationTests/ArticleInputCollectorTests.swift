import Foundation
import Testing

@testable import Pipeline

/// The producer's listing of its inputs stops when asked: a watching producer told to stop
/// must not first list a directory of hundreds of thousands of files, which takes longer than
/// its shutdown budget.
@Suite struct ArticleInputCollectorTests {
    @Test func aListingStopsWhenAskedAndSaysItIsIncomplete() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let count = 4 * ArticleInputCollector.entriesBetweenStopChecks
        for index in 0..<count {
            try Data("Bài \(index)".utf8).write(to: directory.appendingPathComponent("a-\(index).txt"))
        }
        let whole = ArticleInputCollector().collect([directory.path])
        #expect(whole.inputs.count == count)
        #expect(!whole.interrupted)

        var questions = 0
        let stopped = ArticleInputCollector().collect([directory.path]) {
            questions += 1
            return questions == 2
        }
        #expect(stopped.interrupted)
        #expect(questions == 2)
        #expect(stopped.inputs.isEmpty, "an interrupted listing hands over no partial list")
        #expect(stopped.problems.isEmpty, "an interrupted listing is no empty directory")
    }
}

/// What the producer lists in a directory and what it makes of each file it reads, on real files.
@Suite struct ArticleInputFilesTests {
    @Test func aDirectoryListsArticleFilesAndLinksToThemButNotHiddenFilesOrLinkedDirectories() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("sub/.hidden"), withIntermediateDirectories: true)
        for name in ["a.txt", "b.html", "sub/c.htm", "sub/d.jsonl", "notes.md", ".e.txt", "sub/.hidden/f.txt"] {
            try Data("Bài viết".utf8).write(to: directory.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("link.txt").path, withDestinationPath: "a.txt")
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.txt").path, withDestinationPath: "gone.txt")
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("linked-dir").path, withDestinationPath: "sub")
        try manager.createDirectory(at: directory.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)

        let collection = ArticleInputCollector().collect([directory.path])
        let root = directory.path + "/"
        #expect(
            collection.inputs.map { String($0.path.dropFirst(root.count)) }
                == ["a.txt", "b.html", "link.txt", "sub/c.htm", "sub/d.jsonl"])
        #expect(collection.inputs.map(\.format) == [.text, .html, .text, .html, .jsonLines])
        #expect(collection.skipped.map { String($0.dropFirst(root.count)) } == ["notes.md"])
        #expect(collection.problems.map(\.kind) == [.rejected(.brokenLink)], "\(collection.problems)")
    }

    @Test func eachFileIsReadOrRejectedWithItsReason() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        // Larger than the first read, so that the reader has to go on reading.
        let long = String(repeating: "Đoạn văn của bài viết dài. ", count: 2_000)
        let article = directory.appendingPathComponent("long.txt")
        try Data("Tiêu đề\n\n\(long)\n".utf8).write(to: article)
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let huge = directory.appendingPathComponent("huge.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 2_000).write(to: huge)
        let lines = directory.appendingPathComponent("records.jsonl")
        try Data(#"{"url":"https://example.vn/a","text":"Tiêu đề\n\nNội dung."}"#.utf8 + [0x0A, 0xFF, 0x0A]).write(to: lines)
        let folder = directory.appendingPathComponent("folder.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let loop = directory.appendingPathComponent("loop.txt")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.txt")

        let reader = ArticleInputReader(maximumRecordBytes: 1_000_000)
        let read = reader.read(ArticleInput(path: article.path, format: .text))
        #expect(read.problems.isEmpty)
        #expect(read.articles.first?.text == "Tiêu đề\n\n\(long)\n")
        #expect(reader.read(ArticleInput(path: empty.path, format: .text)).articles.first?.text == "")

        let small = ArticleInputReader(maximumRecordBytes: 1_000)
        #expect(small.read(ArticleInput(path: huge.path, format: .text)).problems.map(\.kind) == [.rejected(.tooLarge)])
        let records = small.read(ArticleInput(path: lines.path, format: .jsonLines))
        #expect(records.articles.count == 1, "a JSON Lines file may be larger than a record; its lines may not")
        #expect(records.problems.map(\.kind) == [.rejected(.invalidCrawlerRecord)])

        let missing = directory.appendingPathComponent("missing.txt").path
        #expect(reader.read(ArticleInput(path: missing, format: .text)).problems.map(\.kind) == [.rejected(.vanished)])
        #expect(reader.read(ArticleInput(path: loop.path, format: .text)).problems.map(\.kind) == [.rejected(.symlinkLoop)])
        let directoryRead = reader.read(ArticleInput(path: folder.path, format: .text))
        #expect(directoryRead.problems.map(\.kind) == [.rejected(.readFailed)])
        #expect(directoryRead.problems.first?.message.contains("could not read file") == true)
    }
}
