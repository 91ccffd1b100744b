import Foundation

/// Turns a raw record's body into text, or explains precisely why it cannot be read.
///
/// Size is checked first, before any work that grows with it; then ``TextDecoder`` settles the
/// encoding. Text that is only whitespace is left to ``ArticleParser``, which sees it after
/// normalisation.
struct ArticleBodyDecoder: Sendable {
    var maximumTextBytes: Int

    /// - Throws: ``ArticleError`` of kind `tooLarge`, `emptyBody` (no body at all),
    ///   `binaryContent` or `invalidEncoding`.
    func decode(_ raw: RawArticle) throws(ArticleError) -> DecodedText {
        if let text = raw.text {
            try checkSize(text.utf8.count)
            if let problem = BinaryContentDetector.problem(inText: text) {
                throw ArticleError(kind: .binaryContent, message: problem)
            }
            let decoded = TextDecoder.decode(text: text)
            // The producer already decoded a legacy encoding; that is the one to report.
            return DecodedText(text: decoded.text, encoding: raw.encoding ?? decoded.encoding)
        }
        guard let base64 = raw.bodyBase64 else { throw .emptyBody }
        // Base64 is 4/3 the size of the bytes: refuse before decoding a body far over the limit.
        try checkSize(base64.utf8.count / 4 * 3)
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            throw ArticleError(kind: .invalidEncoding, message: "body_base64 is not valid Base64")
        }
        let bytes = [UInt8](data)
        try checkSize(bytes.count)
        return try TextDecoder.decode(bytes)
    }

    private func checkSize(_ bytes: Int) throws(ArticleError) {
        guard bytes <= maximumTextBytes else { throw .tooLarge(bytes: bytes, limit: maximumTextBytes) }
    }
}
