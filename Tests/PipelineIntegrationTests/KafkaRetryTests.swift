import Kafka
import Logging
import Testing

@testable import Pipeline

@Suite struct KafkaRetryTests {
    private let retry = KafkaRetry(
        logger: Logger(label: "retry-tests"), initialBackoff: .milliseconds(1), maximumBackoff: .milliseconds(2))

    @Test func retriableFailuresAreRetriedUntilTheOperationSucceeds() async throws {
        var calls = 0
        let value = try await retry.run("operation") { () async throws(KafkaError) -> Int in
            calls += 1
            if calls < 3 { throw KafkaError(kind: .brokerUnreachable, message: "down", isRetriable: true) }
            return 7
        }
        #expect(value == 7)
        #expect(calls == 3)
    }

    @Test func theFirstNonRetriableFailureIsThrown() async {
        var calls = 0
        await #expect {
            try await retry.run("operation") { () async throws(KafkaError) in
                calls += 1
                throw KafkaError(kind: .messageTooLarge, message: "too big")
            }
        } throws: { error in
            (error as? KafkaError)?.kind == .messageTooLarge
        }
        #expect(calls == 1)
    }

    @Test func aCancelledOperationEndsTheRetriesAsCancellation() async {
        await #expect(throws: CancellationError.self) {
            try await retry.run("operation") { () async throws(KafkaError) in
                throw KafkaError(kind: .cancelled, message: "stopped waiting")
            }
        }
    }
}
