import Foundation

/// Turns a raw record's body into text, or explains precisely why it cannot be read.
///
/// Checks run cheapest-first and in the order a user would want them reported: size, binary
/// content, then encoding; text that is only whitespace is left to ``ArticleParser``, which sees
/// it after normalisation. This is the seam where HTML stripping and legacy encodings
/// (Windows-1258, TCVN3) will plug in.
struct ArticleBodyDecoder: Sendable {
    var maximumTextBytes: Int

    /// - Throws: ``ArticleError`` of kind `tooLarge`, `emptyBody` (no body at all),
    ///   `binaryContent` or `invalidEncoding`.
    func text(of raw: RawArticle) throws(ArticleError) -> String {
        if let text = raw.text {
            try checkSize(text.utf8.count)
            if let problem = BinaryContentDetector.problem(inText: text) {
                throw ArticleError(kind: .binaryContent, message: problem)
            }
            return text
        }
        guard let base64 = raw.bodyBase64 else { throw .emptyBody }
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw ArticleError(kind: .invalidEncoding, message: "body_base64 is not valid Base64")
        }
        let bytes = [UInt8](data)
        try checkSize(bytes.count)
        guard !bytes.isEmpty else { throw .emptyBody }
        if let problem = BinaryContentDetector.problem(inBytes: bytes) {
            throw ArticleError(kind: .binaryContent, message: problem)
        }
        let withoutBOM = UTF8Validation.droppingByteOrderMark(bytes)
        if let offset = UTF8Validation.firstInvalidByteOffset(in: withoutBOM) {
            let absolute = offset + (bytes.count - withoutBOM.count)
            let byte = String(bytes[absolute], radix: 16, uppercase: true)
            throw ArticleError(
                kind: .invalidEncoding,
                message:
                    "not valid UTF-8 (first bad byte 0x\(byte.count == 1 ? "0" : "")\(byte) at offset \(absolute)); "
                    + "legacy encodings such as Windows-1258 are not supported yet")
        }
        return String(decoding: withoutBOM, as: UTF8.self)
    }

    private func checkSize(_ bytes: Int) throws(ArticleError) {
        guard bytes <= maximumTextBytes else { throw .tooLarge(bytes: bytes, limit: maximumTextBytes) }
    }
}
