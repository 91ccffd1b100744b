import Synchronization

/// The consumer state shared by ``KafkaConsumer`` and its rebalance callback, behind one lock.
final class LockedConsumerState: Sendable {
    let groupID: String
    let startingOffsets: KafkaConsumer.StartingOffsets?
    let state = Mutex(ConsumerState())

    init(groupID: String, startingOffsets: KafkaConsumer.StartingOffsets?) {
        self.groupID = groupID
        self.startingOffsets = startingOffsets
    }
}
