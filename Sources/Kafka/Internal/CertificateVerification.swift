import CRDKafka

/// librdkafka's broker-certificate callback, installed only to learn why OpenSSL rejected a
/// certificate: librdkafka's handshake error says "certificate verify failed" alike for an
/// unknown CA, an expired certificate and a host-name mismatch. OpenSSL's verdict stands as it
/// is: the callback accepts exactly the certificates OpenSSL accepted.
enum CertificateVerification {
    /// Called on librdkafka's broker threads for each certificate in the chain. `x509Error` is
    /// OpenSSL's result for this certificate (0 when it passed); it is always a valid pointer.
    static func verify(
        brokerName: UnsafePointer<CChar>?,
        x509Error: UnsafeMutablePointer<Int32>?,
        reason: UnsafeMutablePointer<CChar>?,
        reasonCapacity: Int,
        opaque: UnsafeMutableRawPointer?
    ) -> Int32 {
        guard let x509Error, x509Error.pointee != 0 else { return 1 }
        let broker = brokerName.map { String(cString: $0) } ?? "?"
        let problem = "the certificate of broker \(broker) was rejected: \(describe(x509Error: x509Error.pointee))"
        RDKafkaCallbacks.context(from: opaque)?.recordCertificateProblem(problem)
        if let reason, reasonCapacity > 0 {
            // librdkafka logs this text; it must be nul-terminated within `reasonCapacity` bytes.
            problem.withCString { source in
                let count = min(problem.utf8.count, reasonCapacity - 1)
                reason.update(from: source, count: count)
                reason[count] = 0
            }
        }
        return 0
    }

    /// OpenSSL's text for the verification errors a misconfigured client or broker meets
    /// (`X509_verify_cert_error_string`, which needs OpenSSL's headers), with what to check.
    static func describe(x509Error: Int32) -> String {
        let text: String
        switch x509Error {
        case 2, 20, 21:
            text = "unable to get local issuer certificate: no CA in ssl.ca.location signed it"
        case 18, 19:
            text = "self-signed certificate: put it, or the CA that signed it, in ssl.ca.location"
        case 9:
            text = "certificate is not yet valid"
        case 10:
            text = "certificate has expired"
        case 23:
            text = "certificate revoked"
        case 26:
            text = "unsuitable certificate purpose: it is not a TLS server certificate"
        case 62:
            text = "hostname mismatch: it does not name the host in bootstrap.servers or the advertised listener"
        case 64:
            text = "IP address mismatch: it does not name the address in bootstrap.servers or the advertised listener"
        default:
            text = "OpenSSL verification error"
        }
        return "\(text) (X509 error \(x509Error))"
    }
}
