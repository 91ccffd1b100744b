import CRDKafka
import Foundation

extension ClientHandle {
    /// Enqueues a copy of `message` (`RD_KAFKA_MSG_F_COPY`) tagged with the per-message opaque
    /// `id`. Never blocks: a full queue comes back as a `.queueFull` error. Returns `nil` on success.
    func produce(_ message: OutgoingMessage, id: UInt) -> KafkaError? {
        // C strings for the topic and header names; librdkafka copies them during the call, so
        // they are freed as soon as it returns.
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        defer { cStrings.forEach { free($0) } }
        func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
            let copy = strdup(string)!
            cStrings.append(copy)
            return copy
        }

        return withOptionalBytes(message.value) { value in
            withOptionalBytes(message.key) { key in
                withHeaderBytes(message.headers) { headerValues in
                    var fields: [rd_kafka_vu_t] = []
                    fields.reserveCapacity(5 + message.headers.count)

                    var topic = rd_kafka_vu_t()
                    topic.vtype = RD_KAFKA_VTYPE_TOPIC
                    topic.u.cstr = UnsafePointer(cString(message.topic))
                    fields.append(topic)

                    var flags = rd_kafka_vu_t()
                    flags.vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    flags.u.i = RD_KAFKA_MSG_F_COPY
                    fields.append(flags)

                    var payload = rd_kafka_vu_t()
                    payload.vtype = RD_KAFKA_VTYPE_VALUE
                    payload.u.mem.ptr = value?.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                    payload.u.mem.size = value?.count ?? 0
                    fields.append(payload)

                    if let key {
                        var keyField = rd_kafka_vu_t()
                        keyField.vtype = RD_KAFKA_VTYPE_KEY
                        keyField.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                        keyField.u.mem.size = key.count
                        fields.append(keyField)
                    }

                    for (header, bytes) in zip(message.headers, headerValues) {
                        var headerField = rd_kafka_vu_t()
                        headerField.vtype = RD_KAFKA_VTYPE_HEADER
                        headerField.u.header.name = UnsafePointer(cString(header.key))
                        headerField.u.header.val = bytes.map { UnsafeRawPointer($0.baseAddress) } ?? nil
                        headerField.u.header.size = bytes.map { $0.count } ?? 0
                        fields.append(headerField)
                    }

                    var opaque = rd_kafka_vu_t()
                    opaque.vtype = RD_KAFKA_VTYPE_OPAQUE
                    // Not a pointer: the id that DeliveryCallbacks maps back to the waiting send.
                    opaque.u.ptr = UnsafeMutableRawPointer(bitPattern: id)
                    fields.append(opaque)

                    guard let error = rd_kafka_produceva(pointer, fields, fields.count) else { return nil }
                    return KafkaError(consuming: error, context: "enqueueing a message to \(message.topic)")
                }
            }
        }
    }

    /// Waits until every enqueued message is delivered or failed, serving delivery reports.
    /// Blocking: call on the client's queue.
    func flush(timeout: Duration) -> KafkaError? {
        let code = rd_kafka_flush(pointer, timeout.timeoutMilliseconds)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let remaining = rd_kafka_outq_len(pointer)
        return KafkaError(code: code, context: "flush left \(remaining) messages undelivered after \(timeout)")
    }
}

/// Calls `body` with the bytes of `bytes`, or with `nil` when there are none, keeping them valid during the call.
/// Empty bytes still get an address: librdkafka reads a NULL pointer as null (no key, a tombstone,
/// a null header), which is not the same as empty, and an empty array may have none.
private func withOptionalBytes<Result>(
    _ bytes: [UInt8]?,
    _ body: (UnsafeRawBufferPointer?) -> Result
) -> Result {
    guard let bytes else { return body(nil) }
    guard !bytes.isEmpty else {
        return withUnsafeBytes(of: UInt8(0)) { body(UnsafeRawBufferPointer(start: $0.baseAddress, count: 0)) }
    }
    return bytes.withUnsafeBytes { body($0) }
}

/// Calls `body` with the value bytes of every header (nil for a null value), all valid during the call.
private func withHeaderBytes<Result>(
    _ headers: [KafkaHeader],
    _ body: ([UnsafeRawBufferPointer?]) -> Result
) -> Result {
    func collect(_ index: Int, _ collected: [UnsafeRawBufferPointer?]) -> Result {
        guard index < headers.count else { return body(collected) }
        return withOptionalBytes(headers[index].value) { collect(index + 1, collected + [$0]) }
    }
    return collect(0, [])
}
