/// The producer's mutable state: whether it is open and which sends await a delivery report.
/// Kept behind ``DeliveryCallbacks``' lock; each method says what the caller should do next.
struct ProducerState {
    typealias Delivery = CheckedContinuation<Result<DeliveryReport, KafkaError>, Never>

    enum Lifecycle {
        case open
        case closing
        case closed
    }

    enum SendAction {
        /// Enqueue the message with this per-message opaque id, then call `awaitDelivery`.
        case enqueue(id: UInt)
        case failClosed
    }

    private(set) var lifecycle = Lifecycle.open
    // Starts at 1: the id travels as a pointer bit pattern, and 0 would be a null opaque.
    private var nextID: UInt = 1
    private var pending: [UInt: Delivery] = [:]

    var isOpen: Bool { lifecycle == .open }

    mutating func beginSend() -> SendAction {
        guard lifecycle == .open else { return .failClosed }
        defer { nextID &+= 1 }
        return .enqueue(id: nextID)
    }

    mutating func awaitDelivery(id: UInt, _ delivery: Delivery) {
        pending[id] = delivery
    }

    /// The continuation to resume for a delivery report, if one still waits.
    mutating func deliver(id: UInt) -> Delivery? {
        pending.removeValue(forKey: id)
    }

    /// Whether this call should close the producer; later calls find it closing or closed.
    mutating func beginClose() -> Bool {
        guard lifecycle == .open else { return false }
        lifecycle = .closing
        return true
    }

    /// Marks the producer closed and hands back every send still waiting, to fail them.
    mutating func finishClose() -> [Delivery] {
        lifecycle = .closed
        defer { pending.removeAll() }
        return Array(pending.values)
    }
}
