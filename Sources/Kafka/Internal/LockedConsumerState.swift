import Synchronization

/// The consumer state shared by ``KafkaConsumer`` and its rebalance callback, behind one lock.
final class LockedConsumerState: Sendable {
    let groupID: String
    let state = Mutex(ConsumerState())

    init(groupID: String) {
        self.groupID = groupID
    }
}
