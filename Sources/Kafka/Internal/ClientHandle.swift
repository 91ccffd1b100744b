import CRDKafka
import Logging
import Synchronization

/// Owns one `rd_kafka_t` and keeps the ``ClientContext`` its callbacks use alive until it is destroyed.
///
/// `@unchecked Sendable`: the `rd_kafka_t` API is thread-safe for the calls this module makes,
/// and the owning client makes sure `pointer` is used only before ``destroy()`` (calls that
/// could race with it run under the client's state lock or on the client's serial queue).
final class ClientHandle: @unchecked Sendable {
    enum Kind {
        case producer
        case consumer

        fileprivate var rdKafkaType: rd_kafka_type_t {
            switch self {
            case .producer: RD_KAFKA_PRODUCER
            case .consumer: RD_KAFKA_CONSUMER
            }
        }
    }

    let pointer: OpaquePointer
    let context: ClientContext
    /// The retain librdkafka's opaque holds on `context`, released only after `rd_kafka_destroy`
    /// has returned, when no callback can run any more.
    private let contextRetain: Unmanaged<ClientContext>
    private let destroyed = Atomic(false)

    /// Creates the client. The configuration's opaque points at `context` for the handle's lifetime.
    init(kind: Kind, properties: [String: String], context: ClientContext) throws(KafkaError) {
        let configuration = try RDKafkaConfigBuilder.makeConfiguration(properties)
        // Retained here and released in `destroy()` (or below when creation fails): every C
        // callback reads the context through this opaque until `rd_kafka_destroy` returns.
        let retain = Unmanaged.passRetained(context)
        rd_kafka_conf_set_opaque(configuration, retain.toOpaque())
        RDKafkaCallbacks.install(on: configuration, context: context)

        var reason = [CChar](repeating: 0, count: 512)
        guard let pointer = rd_kafka_new(kind.rdKafkaType, configuration, &reason, reason.count) else {
            // rd_kafka_new takes the configuration over only on success.
            rd_kafka_conf_destroy(configuration)
            retain.release()
            throw KafkaError(
                kind: .configuration,
                message: "librdkafka refused the configuration: \(String(nulTerminated: reason))"
            )
        }
        self.pointer = pointer
        self.context = context
        self.contextRetain = retain
        context.logger.debug(
            "librdkafka client created",
            metadata: [
                KafkaLogMetadataKey.clientName: "\(String(cString: rd_kafka_name(pointer)))",
                KafkaLogMetadataKey.librdkafkaVersion: "\(RDKafkaVersion.string)",
            ]
        )
    }

    deinit {
        destroy()
    }

    var isDestroyed: Bool { destroyed.load(ordering: .acquiring) }

    /// Destroys the `rd_kafka_t` (blocking: it waits for librdkafka's threads). Idempotent.
    func destroy() {
        guard !destroyed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        rd_kafka_destroy(pointer)
        contextRetain.release()
    }

    /// Serves queued callbacks (delivery reports, errors) for up to `timeoutMilliseconds`.
    func poll(timeoutMilliseconds: Int32) {
        rd_kafka_poll(pointer, timeoutMilliseconds)
    }

    /// The value librdkafka uses for property `name`, which can differ from the one configured:
    /// with `test.mock.num.brokers` it replaces `bootstrap.servers` by its mock brokers' addresses.
    func effectiveProperty(_ name: String) -> String? {
        guard let configuration = rd_kafka_conf(pointer) else { return nil }
        var size = 0
        guard rd_kafka_conf_get(configuration, name, nil, &size) == RD_KAFKA_CONF_OK else { return nil }
        var value = [CChar](repeating: 0, count: size)
        guard rd_kafka_conf_get(configuration, name, &value, &size) == RD_KAFKA_CONF_OK else { return nil }
        return String(nulTerminated: value)
    }
}
