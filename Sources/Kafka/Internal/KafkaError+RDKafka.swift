import CRDKafka

extension KafkaError {
    /// An error for a bare librdkafka response code, with `context` saying what was being done.
    init(code: rd_kafka_resp_err_t, context: String) {
        self.init(librdkafkaCode: code.rawValue, context: context)
    }

    /// An error for a raw librdkafka response code; takes an `Int32` so that tests need no C import.
    init(librdkafkaCode rawCode: Int32, context: String) {
        let code = rd_kafka_resp_err_t(rawValue: rawCode)
        self.init(
            kind: Self.kind(of: code),
            code: rawCode,
            codeName: String(cString: rd_kafka_err2name(code)),
            message: "\(context): \(String(cString: rd_kafka_err2str(code)))",
            isRetriable: Self.retriableCodes.contains(code),
            isFatal: Self.fatalCodes.contains(code),
            refusesRecord: Self.recordRefusalCodes.contains(code)
        )
    }

    /// An error for an `rd_kafka_error_t`, which knows itself whether it is retriable or fatal.
    /// Destroys `error`: the caller hands over ownership.
    init(consuming error: OpaquePointer, context: String) {
        defer { rd_kafka_error_destroy(error) }
        let code = rd_kafka_error_code(error)
        self.init(
            kind: Self.kind(of: code),
            code: code.rawValue,
            codeName: String(cString: rd_kafka_error_name(error)),
            message: "\(context): \(String(cString: rd_kafka_error_string(error)))",
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            requiresAbort: rd_kafka_error_txn_requires_abort(error) != 0,
            refusesRecord: Self.recordRefusalCodes.contains(code)
        )
    }

    /// Whether the error says a partition is not (or no longer) assigned to this consumer.
    var isPartitionNotAssigned: Bool {
        let code = rd_kafka_resp_err_t(rawValue: code)
        return code == RD_KAFKA_RESP_ERR__STATE || code == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION
    }

    private static func kind(of code: rd_kafka_resp_err_t) -> Kind {
        switch code {
        case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
            .messageTooLarge
        case RD_KAFKA_RESP_ERR__QUEUE_FULL:
            .queueFull
        case RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
            .timedOut
        case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE:
            .brokerUnreachable
        case RD_KAFKA_RESP_ERR__INVALID_ARG, RD_KAFKA_RESP_ERR__INVALID_TYPE, RD_KAFKA_RESP_ERR_INVALID_CONFIG:
            .configuration
        case RD_KAFKA_RESP_ERR__DESTROY:
            .closed
        case RD_KAFKA_RESP_ERR__FENCED, RD_KAFKA_RESP_ERR_PRODUCER_FENCED, RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH:
            .fenced
        default:
            .librdkafka
        }
    }

    /// Bare codes after which the client is unusable: librdkafka's own fatal error, and a
    /// transactional producer fenced by a newer instance with its `transactional.id`.
    private static let fatalCodes: Set<rd_kafka_resp_err_t> = [
        RD_KAFKA_RESP_ERR__FATAL,
        RD_KAFKA_RESP_ERR__FENCED,
        RD_KAFKA_RESP_ERR_PRODUCER_FENCED,
    ]

    /// Codes that refuse one record for good, whatever the broker's state: the record, not the
    /// connection or the transaction, is what is wrong.
    private static let recordRefusalCodes: Set<rd_kafka_resp_err_t> = [
        RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE,
        RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE,
        RD_KAFKA_RESP_ERR_INVALID_RECORD,
        RD_KAFKA_RESP_ERR_INVALID_MSG,
        RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED,
        RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION,
        RD_KAFKA_RESP_ERR_POLICY_VIOLATION,
        RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC,
    ]

    /// Bare codes after which the same request may succeed; mirrors the Java client's
    /// RetriableException subclasses for broker codes. `rd_kafka_error_t` decides for itself.
    private static let retriableCodes: Set<rd_kafka_resp_err_t> = [
        RD_KAFKA_RESP_ERR__TRANSPORT,
        RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN,
        RD_KAFKA_RESP_ERR__RESOLVE,
        RD_KAFKA_RESP_ERR__TIMED_OUT,
        RD_KAFKA_RESP_ERR__MSG_TIMED_OUT,
        RD_KAFKA_RESP_ERR__QUEUE_FULL,
        RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
        RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
        RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
        RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION,
        RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
        RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
        RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
        RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
        // The consumer left its group after a long stall (a stuck transactional call); it
        // joins again at its next poll.
        RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED,
    ]
}

// For the retriable-code set above; the C enum is a plain integer, so hashing its raw value is exact.
extension rd_kafka_resp_err_t: @retroactive Hashable {}
