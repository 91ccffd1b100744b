/// The consumer's mutable state: lifecycle, current assignment and the events that rebalance
/// callbacks queued for `poll` to return. Kept behind ``LockedConsumerState``'s lock; each
/// method says what the caller should do next.
struct ConsumerState {
    enum Lifecycle {
        case open
        case closing
        case closed
    }

    enum PollAction {
        case deliver(ConsumerEvent)
        case poll
        case failClosed
    }

    private(set) var lifecycle = Lifecycle.open
    private var pendingEvents: [ConsumerEvent] = []
    private var assigned: Set<TopicPartition> = []

    var isOpen: Bool { lifecycle == .open }

    /// Sorted by topic, then partition.
    var assignment: [TopicPartition] {
        assigned.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
    }

    /// Records an assignment. An eager rebalance replaces the assignment; an incremental
    /// (cooperative) one adds to it.
    mutating func partitionsAssigned(_ partitions: [TopicPartition], incremental: Bool) {
        if incremental {
            assigned.formUnion(partitions)
        } else {
            assigned = Set(partitions)
        }
        pendingEvents.append(.assigned(partitions))
    }

    /// Records a revocation. An eager rebalance revokes everything; an incremental one only `partitions`.
    mutating func partitionsRevoked(_ partitions: [TopicPartition], incremental: Bool) {
        if incremental {
            assigned.subtract(partitions)
        } else {
            assigned.removeAll()
        }
        pendingEvents.append(.revoked(partitions))
    }

    /// What `poll` does first: return a queued event, poll librdkafka, or fail.
    mutating func beginPoll() -> PollAction {
        guard lifecycle == .open else { return .failClosed }
        guard pendingEvents.isEmpty else { return .deliver(pendingEvents.removeFirst()) }
        return .poll
    }

    /// What a batch poll does after each call into librdkafka, with the events gathered so far.
    enum BatchStep {
        /// Add the polled event to the batch and poll again if there is room.
        case keep(ConsumerEvent)
        /// Return this batch now.
        case finish([ConsumerEvent])
    }

    /// What `poll` does with the event one call into librdkafka returned. Rebalance events
    /// queued during that call come before it: the batch gathered before them is returned
    /// first, then they one at a time, then the polled event.
    mutating func continueBatch(_ batch: [ConsumerEvent], polled: ConsumerEvent?) -> BatchStep {
        guard !pendingEvents.isEmpty else {
            return polled.map { .keep($0) } ?? .finish(batch)
        }
        if let polled { pendingEvents.append(polled) }
        return .finish(batch.isEmpty ? [pendingEvents.removeFirst()] : batch)
    }

    /// Whether this call should close the consumer; later calls find it closing or closed.
    mutating func beginClose() -> Bool {
        guard lifecycle == .open else { return false }
        lifecycle = .closing
        return true
    }

    mutating func finishClose() {
        lifecycle = .closed
        pendingEvents.removeAll()
        assigned.removeAll()
    }
}
