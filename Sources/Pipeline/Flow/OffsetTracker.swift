import Kafka

/// Which consumed records are done, per partition, and how far each partition's progress may
/// be committed: an offset is committable only when it and every earlier offset of its
/// partition are done, whatever order their outputs were acknowledged in.
///
/// Records of a partition are begun in offset order (the order the consumer returns them).
/// Revoking a partition forgets its records: a completion that arrives later for one of them
/// belongs to an earlier assignment and is ignored, so it can never move the progress of a
/// later assignment of the same partition.
struct OffsetTracker: Sendable {
    /// A record in flight: what ``complete(_:)`` needs to find it again.
    struct Ticket: Sendable, Hashable {
        let partition: TopicPartition
        let offset: Int64
        /// Which assignment of the partition the record belongs to.
        let assignment: Int
    }

    private struct Partition {
        var assignment: Int
        /// Offsets begun and not yet committable, ascending, from `head` on.
        var offsets: [Int64] = []
        var done: [Bool] = []
        var head = 0
        /// Records begun and not yet done.
        var inFlight = 0

        mutating func begin(_ offset: Int64) {
            offsets.append(offset)
            done.append(false)
            inFlight += 1
        }

        /// Marks `offset` done; returns whether it was in flight, and the next offset to
        /// commit if the done prefix grew.
        mutating func complete(_ offset: Int64) -> (wasInFlight: Bool, committable: Int64?) {
            guard let index = index(of: offset), !done[index] else { return (false, nil) }
            done[index] = true
            inFlight -= 1
            guard index == head else { return (true, nil) }
            while head < offsets.count && done[head] { head += 1 }
            let committable = offsets[head - 1] + 1
            compact()
            return (true, committable)
        }

        private func index(of offset: Int64) -> Int? {
            var (low, high) = (head, offsets.count)
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low < offsets.count && offsets[low] == offset ? low : nil
        }

        /// Drops the committed prefix once it is most of the storage, so memory follows the
        /// records in flight and each removal stays amortised O(1).
        private mutating func compact() {
            guard head > 64 && head * 2 > offsets.count else { return }
            offsets.removeFirst(head)
            done.removeFirst(head)
            head = 0
        }
    }

    private var partitions: [TopicPartition: Partition] = [:]
    private var assignments = 0

    /// Records begun and not yet done, over every partition.
    private(set) var inFlight = 0

    /// Starts tracking `offset` of `partition`. An offset at or below one already begun in the
    /// same assignment (the consumer was moved back) starts a new assignment of the partition.
    mutating func begin(_ partition: TopicPartition, offset: Int64) -> Ticket {
        if let last = partitions[partition]?.offsets.last, offset <= last {
            forget(partition)
        }
        var state = partitions[partition] ?? newAssignment()
        state.begin(offset)
        partitions[partition] = state
        inFlight += 1
        return Ticket(partition: partition, offset: offset, assignment: state.assignment)
    }

    /// Marks the ticket's record done.
    /// - Returns: The partition's new next offset to commit, when this completion moved it;
    ///   `nil` when an earlier record is still in flight, or the ticket is from an earlier
    ///   assignment of the partition.
    mutating func complete(_ ticket: Ticket) -> Int64? {
        guard var partition = partitions[ticket.partition], partition.assignment == ticket.assignment else {
            return nil
        }
        let (wasInFlight, committable) = partition.complete(ticket.offset)
        if wasInFlight { inFlight -= 1 }
        partitions[ticket.partition] = partition
        return committable
    }

    /// Forgets the records in flight of `revoked`; their completions are ignored from now on.
    mutating func revoke(_ revoked: [TopicPartition]) {
        for partition in revoked { forget(partition) }
    }

    /// Records in flight of `partition`.
    func inFlight(in partition: TopicPartition) -> Int {
        partitions[partition]?.inFlight ?? 0
    }

    private mutating func newAssignment() -> Partition {
        assignments += 1
        return Partition(assignment: assignments)
    }

    private mutating func forget(_ partition: TopicPartition) {
        if let removed = partitions.removeValue(forKey: partition) { inFlight -= removed.inFlight }
    }
}
