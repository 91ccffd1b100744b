import Testing

@testable import Kafka

@Suite struct KafkaErrorTests {
    @Test(arguments: [
        (Int32(-195), "_TRANSPORT", KafkaError.Kind.brokerUnreachable, true),
        (-187, "_ALL_BROKERS_DOWN", .brokerUnreachable, true),
        (-185, "_TIMED_OUT", .timedOut, true),
        (-184, "_QUEUE_FULL", .queueFull, true),
        (-197, "_DESTROY", .closed, false),
        (10, "MSG_SIZE_TOO_LARGE", .messageTooLarge, false),
        (7, "REQUEST_TIMED_OUT", .timedOut, true),
        (3, "UNKNOWN_TOPIC_OR_PART", .librdkafka, true),
        (29, "TOPIC_AUTHORIZATION_FAILED", .librdkafka, false),
        (-186, "_INVALID_ARG", .configuration, false),
        (-147, "_MAX_POLL_EXCEEDED", .librdkafka, true),
    ])
    func librdkafkaCodesMapToKindNameAndRetriability(
        code: Int32,
        name: String,
        kind: KafkaError.Kind,
        retriable: Bool
    ) {
        let error = KafkaError(librdkafkaCode: code, context: "doing something")
        #expect(error.code == code)
        #expect(error.codeName == name)
        #expect(error.kind == kind)
        #expect(error.isRetriable == retriable)
        #expect(error.isFatal == false)
        #expect(error.message.hasPrefix("doing something: "))
    }

    @Test func fatalCodeIsFatal() {
        let error = KafkaError(librdkafkaCode: -150, context: "producing")
        #expect(error.codeName == "_FATAL")
        #expect(error.isFatal)
        #expect(!error.isRetriable)
    }

    @Test func descriptionShowsMessageNameAndFlags() {
        let error = KafkaError(librdkafkaCode: -195, context: "connecting")
        #expect(error.description.hasPrefix("connecting: "))
        #expect(error.description.hasSuffix("[_TRANSPORT, retriable]"))
        #expect(KafkaError(kind: .closed, message: "gone").description == "gone")
    }

    @Test func notAssignedPartitionErrorsAreRecognised() {
        #expect(KafkaError(librdkafkaCode: -172, context: "").isPartitionNotAssigned)  // _STATE
        #expect(KafkaError(librdkafkaCode: -190, context: "").isPartitionNotAssigned)  // _UNKNOWN_PARTITION
        #expect(!KafkaError(librdkafkaCode: -195, context: "").isPartitionNotAssigned)
    }
}

@Suite struct KafkaErrorFencingTests {
    @Test(arguments: [(Int32(-144), "_FENCED"), (90, "PRODUCER_FENCED")])
    func fencedProducerErrorsAreFatalAndOfKindFenced(code: Int32, name: String) {
        let error = KafkaError(librdkafkaCode: code, context: "committing the transaction")
        #expect(error.codeName == name)
        #expect(error.kind == .fenced)
        #expect(error.isFatal)
        #expect(!error.requiresAbort)
    }

    @Test func descriptionFlagsAnErrorThatRequiresAbort() {
        let error = KafkaError(kind: .librdkafka, codeName: "_STATE", message: "commit failed", requiresAbort: true)
        #expect(error.description == "commit failed [_STATE, abort transaction]")
    }
}
