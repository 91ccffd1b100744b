import CRDKafka
import Logging

/// The C callbacks every client installs. Each finds its ``ClientContext`` through the opaque
/// that ``ClientHandle`` set; that context outlives the `rd_kafka_t`, so the pointer is valid
/// whenever librdkafka calls back.
enum RDKafkaCallbacks {
    static func install(on configuration: OpaquePointer, context: ClientContext) {
        rd_kafka_conf_set_log_cb(configuration) { client, level, facility, line in
            RDKafkaCallbacks.log(client: client, level: level, facility: facility, line: line)
        }
        rd_kafka_conf_set_error_cb(configuration) { client, code, reason, opaque in
            RDKafkaCallbacks.error(client: client, code: code, reason: reason, opaque: opaque)
        }
        // Returns RD_KAFKA_CONF_INVALID on a librdkafka built without TLS, where there is no
        // certificate to verify: nothing to do then.
        _ = rd_kafka_conf_set_ssl_cert_verify_cb(configuration) {
            _, brokerName, _, x509Error, _, _, _, reason, reasonCapacity, opaque in
            CertificateVerification.verify(
                brokerName: brokerName, x509Error: x509Error, reason: reason, reasonCapacity: reasonCapacity,
                opaque: opaque)
        }
        if context.statisticsHandler != nil {
            rd_kafka_conf_set_stats_cb(configuration) { _, json, length, opaque in
                RDKafkaCallbacks.statistics(json: json, length: length, opaque: opaque)
            }
        }
        switch context.role {
        case .producer:
            rd_kafka_conf_set_dr_msg_cb(configuration) { _, message, opaque in
                DeliveryCallbacks.deliveryReport(message: message, opaque: opaque)
            }
        case .consumer:
            rd_kafka_conf_set_rebalance_cb(configuration) { client, code, partitions, opaque in
                RebalanceCallback.rebalance(client: client, code: code, partitions: partitions, opaque: opaque)
            }
        case .admin:
            break
        }
    }

    static func context(from opaque: UnsafeMutableRawPointer?) -> ClientContext? {
        // Unretained: the handle holds the retain until after rd_kafka_destroy.
        opaque.map { Unmanaged<ClientContext>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Returns 0: librdkafka frees the JSON buffer, which is copied before this returns.
    private static func statistics(
        json: UnsafeMutablePointer<CChar>?, length: Int, opaque: UnsafeMutableRawPointer?
    ) -> Int32 {
        guard let json, let handler = context(from: opaque)?.statisticsHandler,
            let statistics = KafkaStatistics(json: UnsafeRawBufferPointer(start: json, count: length))
        else { return 0 }
        handler(statistics)
        return 0
    }

    private static func log(
        client: OpaquePointer?,
        level: Int32,
        facility: UnsafePointer<CChar>?,
        line: UnsafePointer<CChar>?
    ) {
        guard let client, let context = context(from: rd_kafka_opaque(client)), let line else { return }
        context.logger.debug(
            "\(String(cString: line))",
            metadata: [
                KafkaLogMetadataKey.facility: "\(facility.map { String(cString: $0) } ?? "")",
                KafkaLogMetadataKey.librdkafkaLevel: "\(level)",
            ]
        )
    }

    private static func error(
        client: OpaquePointer?,
        code: Int32,
        reason: UnsafePointer<CChar>?,
        opaque: UnsafeMutableRawPointer?
    ) {
        guard let client, let context = context(from: opaque) else { return }
        let reasonText = reason.map { String(cString: $0) } ?? ""
        let error = rd_kafka_resp_err_t(rawValue: code)
        if error == RD_KAFKA_RESP_ERR__FATAL {
            var underlying = [CChar](repeating: 0, count: 512)
            let fatalCode = rd_kafka_fatal_error(client, &underlying, underlying.count)
            context.logger.error(
                "librdkafka fatal error, the client must be recreated: \(String(nulTerminated: underlying))",
                metadata: [KafkaLogMetadataKey.errorCode: "\(String(cString: rd_kafka_err2name(fatalCode)))"]
            )
            return
        }
        switch error {
        case RD_KAFKA_RESP_ERR__SSL:
            context.recordTLSFailure(reasonText)
        case RD_KAFKA_RESP_ERR__TRANSPORT where Self.isRaisedByOpenSSL(reasonText):
            context.recordTLSFailure(reasonText)
        case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__RESOLVE:
            context.recordBrokerFailure(reasonText, failedBeforeTLS: true)
        case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
            context.recordBrokerFailure(reasonText, failedBeforeTLS: false)
        default:
            break
        }
        let level: Logger.Level = context.isRepeatedError(code: code, reason: reasonText) ? .debug : .warning
        context.logger.log(
            level: level,
            "librdkafka error: \(reasonText)",
            metadata: [KafkaLogMetadataKey.errorCode: "\(String(cString: rd_kafka_err2name(error)))"]
        )
    }

    /// Whether a transport error came from OpenSSL, whose error strings name "SSL routines": a
    /// broker that wants a client certificate and got none answers the finished handshake with
    /// an alert, which librdkafka reports as a failed receive (`_TRANSPORT`), not as `_SSL`.
    private static func isRaisedByOpenSSL(_ reason: String) -> Bool {
        reason.contains("SSL routines")
    }
}
