/// Splits an HTML page into tags, text and comments, leniently, in one pass over its bytes.
///
/// It does what extraction needs and no more: tag names and the attributes in ``keptAttributes``,
/// text with character references decoded, and the contents of `script`, `style`, `title` and
/// `textarea` read as raw text up to their closing tag (a `<` inside a script is not a tag).
/// Malformed markup never fails: an unterminated tag or comment runs to the end of the input.
enum HTMLTokenizer {
    /// Attributes the extractor reads; the rest are skipped without building strings for them.
    static let keptAttributes: Set<String> = [
        "class", "id", "itemprop", "property", "name", "content", "datetime", "type", "role", "itemtype",
        "hidden", "aria-hidden",
    ]
    private static let rawTextElements: Set<String> = ["script", "style", "title", "textarea", "xmp", "noembed", "noframes"]

    static func tokenize(_ html: String) -> [HTMLToken] {
        let bytes = Array(html.utf8)
        var tokens: [HTMLToken] = []
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(HTMLEntities.decode(bytes[textStart..<end]))) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(upTo: index)
                let isComment = bytes[index...].starts(with: Array("<!--".utf8))
                index = skipCommentOrDeclaration(bytes, at: index)
                // A doctype or processing instruction is neither text nor a comment.
                if isComment { tokens.append(.comment) }
                textStart = index
            } else if next == UInt8(ascii: "/"), index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                flushText(upTo: index)
                let (name, end) = readName(bytes, at: index + 2)
                index = skip(past: UInt8(ascii: ">"), in: bytes, from: end)
                tokens.append(.endTag(name: name))
                textStart = index
            } else if isLetter(next) {
                flushText(upTo: index)
                let tag = readStartTag(bytes, at: index + 1)
                tokens.append(.startTag(name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing))
                index = tag.end
                if rawTextElements.contains(tag.name) && !tag.selfClosing {
                    let close = closingTag(named: tag.name, in: bytes, from: index)
                    let content = bytes[index..<close]
                    let raw = tag.name == "script" || tag.name == "style"
                    if !content.isEmpty {
                        tokens.append(.text(raw ? String(decoding: content, as: UTF8.self) : HTMLEntities.decode(content)))
                    }
                    tokens.append(.endTag(name: tag.name))
                    index = close < bytes.count ? skip(past: UInt8(ascii: ">"), in: bytes, from: close) : close
                }
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// A lowercased tag or attribute name and the index after it.
    private static func readName(_ bytes: [UInt8], at start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/"),
            bytes[end] != UInt8(ascii: "=")
        {
            end += 1
        }
        let lowered = bytes[start..<end].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        return (String(decoding: lowered, as: UTF8.self), end)
    }

    private static func readStartTag(_ bytes: [UInt8], at start: Int) -> (
        name: String, attributes: [String: String], selfClosing: Bool, end: Int
    ) {
        let (name, afterName) = readName(bytes, at: start)
        var attributes: [String: String] = [:]
        var index = afterName
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (name, attributes, selfClosing, index + 1) }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                selfClosing = byte == UInt8(ascii: "/")
                index += 1
                continue
            }
            selfClosing = false
            let (attribute, afterAttribute) = readName(bytes, at: index)
            index = max(afterAttribute, index + 1)
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                if keptAttributes.contains(attribute) { attributes[attribute] = "" }
                continue
            }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            let valueStart: Int
            let valueEnd: Int
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                valueStart = index + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                index = min(valueEnd + 1, bytes.count)
            } else {
                valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                valueEnd = index
            }
            if keptAttributes.contains(attribute), attributes[attribute] == nil {
                attributes[attribute] = HTMLEntities.decode(bytes[valueStart..<valueEnd], inAttribute: true)
            }
        }
        return (name, attributes, selfClosing, bytes.count)
    }

    /// The index after a comment (`<!-- ... -->`), doctype or processing instruction.
    private static func skipCommentOrDeclaration(_ bytes: [UInt8], at start: Int) -> Int {
        if bytes[start...].starts(with: Array("<!--".utf8)) {
            var index = start + 4
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
                    bytes[index + 2] == UInt8(ascii: ">")
                {
                    return index + 3
                }
                index += 1
            }
            return bytes.count
        }
        return skip(past: UInt8(ascii: ">"), in: bytes, from: start)
    }

    private static func skip(past byte: UInt8, in bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count, let found = bytes[start...].firstIndex(of: byte) else { return bytes.count }
        return found + 1
    }

    /// The index of `</name` (any case) at or after `start`, or the end of the input.
    private static func closingTag(named name: String, in bytes: [UInt8], from start: Int) -> Int {
        let target = Array(name.utf8)
        var index = start
        while index + 1 + target.count < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, expected) in target.enumerated() {
                    let byte = bytes[index + 2 + offset]
                    if (0x41...0x5A).contains(byte) ? byte + 0x20 != expected : byte != expected {
                        matches = false
                        break
                    }
                }
                if matches { return index }
            }
            index += 1
        }
        return bytes.count
    }
}
