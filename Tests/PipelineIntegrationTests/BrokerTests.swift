import Testing

/// Every test that needs a broker, run one at a time: worker processes joining consumer groups
/// on a 2-core machine time out less when they do not compete with each other.
@Suite("Against a real broker", .serialized, .enabled(if: TestEnvironment.brokerTestsEnabled))
enum BrokerTests {}
