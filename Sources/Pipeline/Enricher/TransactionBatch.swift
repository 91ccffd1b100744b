import Kafka

/// The records of the enricher's open transaction: for each partition the first offset it
/// holds (where to rewind to after an abort) and the next offset to read (what to commit).
struct TransactionBatch: Sendable {
    private(set) var isOpen = false
    private(set) var records = 0
    private(set) var openedAt = ContinuousClock.now
    private(set) var firstOffsets: [TopicPartition: Int64] = [:]
    private(set) var nextOffsets: [TopicPartition: Int64] = [:]

    mutating func open(at now: ContinuousClock.Instant) {
        self = TransactionBatch()
        isOpen = true
        openedAt = now
    }

    mutating func add(_ record: ConsumedRecord) {
        let partition = record.topicPartition
        if firstOffsets[partition] == nil { firstOffsets[partition] = record.offset }
        nextOffsets[partition] = record.offset + 1
        records += 1
    }

    /// Whether the batch should be committed now: it is full, old enough, or the enricher caught up with its input.
    func isDue(at now: ContinuousClock.Instant, maximumRecords: Int, maximumAge: Duration, caughtUp: Bool) -> Bool {
        isOpen && (caughtUp || records >= maximumRecords || now - openedAt >= maximumAge)
    }

    /// Where to rewind the partitions in `assignment` so that an aborted batch is read again.
    func rewindOffsets(within assignment: [TopicPartition]) -> [TopicPartition: Int64] {
        firstOffsets.filter { assignment.contains($0.key) }
    }

    mutating func close() {
        self = TransactionBatch()
    }
}
