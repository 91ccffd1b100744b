import Synchronization

/// Applies a CPU-bound transform to a batch on up to `concurrency` cores and returns the
/// results in the batch's order, which is what lets a worker parse on every core and still
/// publish each partition's records in the order it read them.
///
/// Each child task takes the next unclaimed element, so one slow element (a 10 MB article)
/// holds up one core, not a share of the batch.
struct ParallelTransform<Element: Sendable, Result: Sendable>: Sendable {
    let concurrency: Int
    let transform: @Sendable (Element) -> Result

    func callAsFunction(_ elements: [Element]) async -> [Result] {
        let workers = min(concurrency, elements.count)
        guard workers > 1 else { return elements.map(transform) }
        let next = NextIndex()
        var results = [Result?](repeating: nil, count: elements.count)
        await withTaskGroup(of: [(Int, Result)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, Result)] = []
                    while let index = next.claim(below: elements.count) {
                        done.append((index, transform(elements[index])))
                    }
                    return done
                }
            }
            for await done in group {
                for (index, result) in done { results[index] = result }
            }
        }
        // Every index below the count was claimed exactly once.
        return results.map { $0! }
    }
}

/// The next element to take, shared by the child tasks of one batch.
private final class NextIndex: Sendable {
    private let value = Atomic(0)

    func claim(below count: Int) -> Int? {
        let index = value.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
