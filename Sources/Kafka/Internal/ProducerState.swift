/// The producer's mutable state: whether it is open and which enqueued records still await
/// their delivery report. Kept behind ``DeliveryCallbacks``' lock; each method says what the
/// caller should do next.
struct ProducerState {
    enum Lifecycle {
        case open
        case closing
        case closed
    }

    private(set) var lifecycle = Lifecycle.open
    // Starts at 1: the id travels as a pointer bit pattern, and 0 would be a null opaque.
    private var nextID: UInt = 1
    private var pending: [UInt: PendingDelivery] = [:]

    var isOpen: Bool { lifecycle == .open }

    /// Records waiting for their delivery report.
    var inFlight: Int { pending.count }

    /// Registers a record about to be enqueued and returns the per-message opaque id it
    /// travels with; `nil` once the producer is closing.
    mutating func register(_ delivery: PendingDelivery) -> UInt? {
        guard lifecycle == .open else { return nil }
        defer { nextID &+= 1 }
        pending[nextID] = delivery
        return nextID
    }

    /// The record's delivery, to complete it, if it still waits: when its report arrives, or
    /// when enqueueing it failed.
    mutating func deliver(id: UInt) -> PendingDelivery? {
        pending.removeValue(forKey: id)
    }

    /// Whether this call should close the producer; later calls find it closing or closed.
    mutating func beginClose() -> Bool {
        guard lifecycle == .open else { return false }
        lifecycle = .closing
        return true
    }

    /// Marks the producer closed and hands back every record still waiting, to fail them.
    mutating func finishClose() -> [PendingDelivery] {
        lifecycle = .closed
        defer { pending.removeAll() }
        return Array(pending.values)
    }
}
