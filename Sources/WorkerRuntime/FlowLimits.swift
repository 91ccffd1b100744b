import Foundation

/// How much work a worker keeps in hand at once: records handed to the producer and not yet
/// acknowledged (the send window), and how many cores parse and encode them.
///
/// The defaults keep a seed-sized article stream well fed on a few cores while bounding memory
/// (about twice `maximumInFlightBytes`: each output and the input it came from) and the work a
/// crash makes the pipeline redo.
public struct FlowLimits: Sendable, Equatable {
    /// Records in flight at most. A worker waits for acknowledgements before it takes more.
    public var maximumInFlightRecords: Int
    /// Bytes of records in flight at most; one record larger than this still goes alone.
    public var maximumInFlightBytes: Int
    /// Records parsed, enriched or encoded at once, on as many cores.
    public var concurrency: Int

    public init(
        maximumInFlightRecords: Int = 1000,
        maximumInFlightBytes: Int = 32 * 1024 * 1024,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.maximumInFlightRecords = maximumInFlightRecords
        self.maximumInFlightBytes = maximumInFlightBytes
        self.concurrency = max(1, concurrency)
    }

    /// Records taken from the consumer in one poll and processed together: enough to keep every
    /// core busy, few enough that the first of them is published within milliseconds.
    public var batchRecords: Int {
        min(maximumInFlightRecords, max(16, 16 * concurrency))
    }

    /// Bytes of input taken in one poll at most.
    public var batchBytes: Int {
        max(1, maximumInFlightBytes / 4)
    }
}
