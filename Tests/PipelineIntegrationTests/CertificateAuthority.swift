import Foundation
import Testing

/// A private certificate authority made with the `openssl` command in a directory of its own,
/// issuing the broker and client certificates the TLS tests use. Keys are P-256: generating
/// one takes milliseconds, so every test makes its own.
struct CertificateAuthority {
    /// A certificate and its private key, as PEM files.
    struct Issued {
        let certificate: String
        let key: String
    }

    /// When an issued certificate is valid.
    enum Validity {
        /// From an hour ago to a day from now.
        case current
        /// Ended a day ago: every verifier refuses it.
        case expired
    }

    /// The CA's own certificate, for `ssl.ca.location` or stunnel's `CAfile`.
    let certificate: String
    private let key: String
    private let directory: URL
    private let configuration: String
    private let openssl: String

    /// Creates the CA's key and self-signed certificate, named `name`.
    init(name: String) async throws {
        openssl = try TestEnvironment.program("openssl", debianPackage: "openssl")
        directory = try TestEnvironment.temporaryDirectory()
        certificate = directory.appendingPathComponent("ca.pem").path
        key = directory.appendingPathComponent("ca.key").path
        configuration = directory.appendingPathComponent("openssl.cnf").path
        // A configuration of its own keeps the result independent of the system's openssl.cnf,
        // and `openssl ca` (unlike `openssl x509`, before OpenSSL 3.4) can date a certificate
        // in the past.
        let databaseDirectory = directory.path
        try """
        [req]
        distinguished_name = subject
        x509_extensions = authority
        [subject]
        [authority]
        basicConstraints = critical, CA:true
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ca]
        default_ca = issuer
        [issuer]
        database = \(databaseDirectory)/index.txt
        new_certs_dir = \(databaseDirectory)
        serial = \(databaseDirectory)/serial
        default_md = sha256
        policy = any_name
        unique_subject = no
        copy_extensions = none
        [any_name]
        commonName = supplied
        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        try Data().write(to: directory.appendingPathComponent("index.txt"))
        try "01\n".write(to: directory.appendingPathComponent("serial"), atomically: true, encoding: .utf8)
        try await run(
            [
                "req", "-config", configuration, "-x509", "-new", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                "-subj", "/CN=\(name)",
            ])
    }

    /// A TLS server certificate for `subjectAltName` (such as `IP:127.0.0.1`).
    func issueServerCertificate(subjectAltName: String, validity: Validity = .current) async throws -> Issued {
        try await issue(
            commonName: subjectAltName.split(separator: ":").last.map(String.init) ?? subjectAltName,
            extensions: "subjectAltName = \(subjectAltName)\nextendedKeyUsage = serverAuth\n", validity: validity)
    }

    /// A TLS client certificate, for brokers that require one (mutual TLS).
    func issueClientCertificate(commonName: String) async throws -> Issued {
        try await issue(commonName: commonName, extensions: "extendedKeyUsage = clientAuth\n", validity: .current)
    }

    private func issue(commonName: String, extensions: String, validity: Validity) async throws -> Issued {
        let name = TestEnvironment.uniqueName("certificate")
        let issued = Issued(
            certificate: directory.appendingPathComponent("\(name).pem").path,
            key: directory.appendingPathComponent("\(name).key").path)
        let request = directory.appendingPathComponent("\(name).csr").path
        let extensionFile = directory.appendingPathComponent("\(name).ext").path
        try extensions.write(toFile: extensionFile, atomically: true, encoding: .utf8)
        try await run(
            [
                "req", "-config", configuration, "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", issued.key, "-out", request, "-subj", "/CN=\(commonName)",
            ])
        let now = Date()
        let (start, end) =
            switch validity {
            case .current: (now - 3600, now + 86400)
            case .expired: (now - 2 * 86400, now - 86400)
            }
        try await run(
            [
                "ca", "-batch", "-notext", "-config", configuration, "-cert", certificate, "-keyfile", key, "-in",
                request, "-out", issued.certificate, "-extfile", extensionFile, "-startdate", Self.asn1Time(start),
                "-enddate", Self.asn1Time(end),
            ])
        return issued
    }

    private func run(_ arguments: [String]) async throws {
        let result = try await ExecutableRun.run(openssl, arguments, timeout: .seconds(20))
        try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")): \(result.standardError)")
    }

    /// `YYYYMMDDHHMMSSZ`, as `openssl ca -startdate` takes it.
    private static func asn1Time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }
}
