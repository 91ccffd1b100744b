import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// `news-producer --watch DIR`: publishes every article file that appears in `DIR` (or its
/// subdirectories) once it is complete, and every new version of a file already published.
///
/// A file counts as complete when its size and modification time have not changed for the
/// settle time; writers that write elsewhere (or to a name without an article extension, such
/// as `x.txt.part`) and rename into place are picked up at once after it. Handled files are
/// recorded in ``WatchState`` only after their records are acknowledged, so a restart neither
/// republishes them nor misses files that arrived meanwhile.
struct DirectoryWatch: Sendable {
    var directory: String
    var stateDirectory: URL
    var settle: Duration
    var exitWhenIdle: Duration?
    var publisher: InputPublisher
    var logger: Logger
    /// How often the directory is listed.
    var pollInterval: Duration = .milliseconds(250)

    /// Watches until graceful shutdown, cancellation or idle exit; adds what it did to `summary`.
    /// - Throws: ``StateFileError`` when the state cannot be read or written.
    func run(into summary: inout ProducerSummary) async throws {
        // Loading a large state takes seconds, so it stops for a shutdown too.
        let stopping = { Task.isShuttingDownGracefully || Task.isCancelled }
        let state = try WatchState(directory: stateDirectory, stopRequested: stopping)
        if state.loadWasInterrupted { return }
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        logger.info(
            "watching for articles",
            metadata: [
                LogMetadataKey.directory: "\(root)", "state": "\(stateDirectory.path)",
                "files_already_handled": "\(state.count)",
            ])
        var candidates: [String: (snapshot: FileSnapshot, since: ContinuousClock.Instant)] = [:]
        var lastActivity = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = ContinuousClock.now
            // Listing and checking a large directory takes seconds, so both stop for a shutdown.
            let collection = ArticleInputCollector().collect([root], stopRequested: stopping)
            if collection.interrupted { break }
            var ready: [(input: ArticleInput, snapshot: FileSnapshot)] = []
            var listed: Set<String> = []
            for (position, input) in collection.inputs.enumerated() {
                if position % ArticleInputCollector.entriesBetweenStopChecks == 0 && stopping() { break }
                listed.insert(input.path)
                guard let snapshot = FileSnapshot.of(input.path), !state.isHandled(input.path, snapshot) else {
                    continue
                }
                if let candidate = candidates[input.path], candidate.snapshot == snapshot {
                    if now - candidate.since >= settle { ready.append((input, snapshot)) }
                } else {
                    candidates[input.path] = (snapshot, now)
                }
            }
            if stopping() { break }
            candidates = candidates.filter { listed.contains($0.key) }
            let linkProblems = collection.problems.filter {
                $0.isDeadLettered && !state.isHandled($0.source, Self.unusable)
            }
            if !linkProblems.isEmpty {
                summary.add(await publisher.report(linkProblems))
                for problem in linkProblems { try state.record(problem.source, Self.unusable, published: false) }
            }

            if !ready.isEmpty {
                lastActivity = now
                let published: [(String, FileSnapshot, InputPublisher.Outcome)]
                do {
                    published = try await publish(ready)
                } catch  where error.isCancellation {
                    // Shutdown ran out of time mid-round: none of these files is recorded, so
                    // the next run publishes them again (same ids; the sink writes each once).
                    logger.notice("shutdown budget spent; \(ready.count) files will be published again by the next run")
                    break
                }
                for (path, snapshot, outcome) in published {
                    summary.add(outcome)
                    // Undelivered records are tried again on a later round; the file stays a candidate.
                    guard outcome.failed == 0, outcome.abandoned == 0, outcome.deadLettered == outcome.problems
                    else { continue }
                    try state.record(path, snapshot, published: outcome.delivered > 0)
                    candidates[path] = nil
                }
            }
            try state.synchronize()
            if let exitWhenIdle, candidates.isEmpty, ContinuousClock.now - lastActivity >= exitWhenIdle {
                logger.info("no new files for \(exitWhenIdle); exiting")
                break
            }
            // Cancelled: the loop ends at its condition, as on graceful shutdown.
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// The snapshot recorded for an input that can never be read (a link loop): handled once.
    private static let unusable = FileSnapshot(size: -1, modified: 0)

    /// Enqueues every ready file's articles (the send window bounds how many are in flight),
    /// then waits for their delivery reports.
    private func publish(_ files: [(input: ArticleInput, snapshot: FileSnapshot)]) async throws
        -> [(String, FileSnapshot, InputPublisher.Outcome)]
    {
        var publications: [(String, FileSnapshot, InputPublisher.Publication)] = []
        for (input, snapshot) in files {
            publications.append((input.path, snapshot, try await publisher.publish(input)))
        }
        var results: [(String, FileSnapshot, InputPublisher.Outcome)] = []
        for (path, snapshot, publication) in publications {
            results.append((path, snapshot, await publication.outcome()))
        }
        return results
    }
}
