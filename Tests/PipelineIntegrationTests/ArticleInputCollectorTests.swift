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
