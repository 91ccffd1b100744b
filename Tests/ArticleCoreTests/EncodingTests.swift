import Foundation
import Testing

@testable import ArticleCore

/// Every encoding a crawler hands over: decoded to the same text, or refused with a message that
/// names the problem, never passed on as mojibake.
@Suite struct EncodingTests {
    static let article = "Hội nghị Ngoại giao\n\nBộ trưởng Bùi Thanh Sơn phát biểu khai mạc hội nghị tại Hà Nội."

    static func process(_ bytes: [UInt8]) throws(ArticleError) -> EnrichedArticle {
        let raw = RawArticle.fromBytes(bytes, source: "t.txt", contentType: "text/plain", receivedAt: Date())
        return try ArticleProcessor().process(
            raw,
            provenance: Provenance(enricherVersion: "t", topic: nil, partition: nil, offset: nil, processedAt: Date()))
    }

    @Test func utf8StringIsMadeExactlyWhenTheBytesAreValid() {
        let cases: [[UInt8]] = [
            [], Array(Self.article.utf8), [0x41, 0x00, 0x7F], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0x28], [0xC0, 0x80],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], Array(Self.article.utf8) + [0xE1, 0xBB],
            [0xF0, 0x9F, 0x98], [0xFF, 0xFE, 0x41, 0x00],
        ]
        for bytes in cases {
            let string = bytes.withUnsafeBufferPointer(UTF8Validation.string)
            #expect((string != nil) == (UTF8Validation.firstInvalidByteOffset(in: bytes) == nil), "\(bytes)")
            if let string { #expect(Array(string.utf8) == bytes) }
        }
    }

    static func utf16(_ text: String, littleEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        return bytes
    }

    @Test func utf8WithAndWithoutByteOrderMarkGiveTheSameArticleAndID() throws {
        let plain = try Self.process(Array(Self.article.utf8))
        let marked = try Self.process([0xEF, 0xBB, 0xBF] + Array(Self.article.utf8))
        #expect(plain.title == "Hội nghị Ngoại giao")
        #expect(marked.title == plain.title && marked.lead == plain.lead)
        #expect(marked.id == plain.id)
        #expect(marked.sourceEncoding == .utf8)
    }

    @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
    func utf16EitherByteOrderWithOrWithoutMarkIsDecoded(littleEndian: Bool, byteOrderMark: Bool) throws {
        let article = try Self.process(
            Self.utf16(Self.article, littleEndian: littleEndian, byteOrderMark: byteOrderMark))
        #expect(article.title == "Hội nghị Ngoại giao")
        #expect(article.lead == "Bộ trưởng Bùi Thanh Sơn phát biểu khai mạc hội nghị tại Hà Nội.")
        #expect(article.sourceEncoding == (littleEndian ? .utf16LittleEndian : .utf16BigEndian))
        #expect(article.id == (try Self.process(Array(Self.article.utf8))).id)
    }

    @Test func windows1258VietnameseIsDecodedAndComposed() throws {
        // Windows-1258 has ô, ơ, ư, ê as letters and writes tone marks as combining bytes after
        // them: 0xF2 is a dot below, 0xD2 a hook above. "Hội nghị":
        let title: [UInt8] = [0x48, 0xF4, 0xF2, 0x69, 0x20, 0x6E, 0x67, 0x68, 0x69, 0xF2]
        // "Bộ trưởng phát biểu."
        let body: [UInt8] =
            Array("\n\nB".utf8) + [0xF4, 0xF2] + Array(" tr".utf8) + [0xFD, 0xF5, 0xD2] + Array("ng ph".utf8)
            + [0xE1] + Array("t bi".utf8) + [0xEA, 0xD2] + Array("u.".utf8)
        let article = try Self.process(title + body)
        #expect(article.title == "Hội nghị")
        #expect(article.lead == "Bộ trưởng phát biểu.")
        #expect(article.sourceEncoding == .windows1258)
    }

    @Test func damagedUTF8IsRefusedRatherThanDecodedAsMojibake() {
        var bytes = Array(Self.article.utf8)
        let damaged = bytes[(bytes.count / 2)...].firstIndex(of: UInt8(ascii: " "))!
        bytes[damaged] = 0xFF
        #expect {
            try Self.process(bytes)
        } throws: { error in
            guard let error = error as? ArticleError else { return false }
            return error.kind == .invalidEncoding && error.message.contains("not valid UTF-8")
                && error.message.contains("0xFF at offset \(damaged)")
        }
    }

    @Test func latin1TextThatIsNotVietnameseIsRefusedWithTheReason() {
        let french =
            Array("Le ministre a ouvert la conf".utf8) + [0xE9] + Array("rence annuelle ".utf8) + [0xE0]
            + Array(" Hano".utf8) + [0xEF] + Array(".".utf8)
        #expect {
            try Self.process(french)
        } throws: { error in
            (error as? ArticleError)?.message.contains("not Vietnamese text in Windows-1258") == true
        }
    }

    @Test func doubleEncodedUTF8IsRepaired() throws {
        // What a crawler writes after reading UTF-8 as Windows-1252: "Há»™i nghá»‹ Ngoáº¡i giao".
        let mojibake = String(decoding: Array(Self.article.utf8).map { byte -> UInt8 in byte }, as: UTF8.self)
            .utf8.map { Character(Unicode.Scalar(Self.windows1252Scalar($0))!) }
        let article = try Self.process(Array(String(mojibake).utf8))
        #expect(article.title == "Hội nghị Ngoại giao")
        #expect(article.sourceEncoding == .doubleEncodedUTF8)
    }

    @Test func decomposedTextIsComposedBeforeParsing() throws {
        let article = try Self.process(Array(Self.article.decomposedStringWithCanonicalMapping.utf8))
        #expect(article.title == "Hội nghị Ngoại giao")
        #expect(article.id == (try Self.process(Array(Self.article.utf8))).id)
    }

    @Test func invisibleCharactersNonBreakingSpacesTabsAndCRLFAreNormalised() throws {
        let messy =
            "\u{FEFF}Hội nghị\u{200B} Ngoại giao\r\n\r\n\u{00A0}\tBộ trưởng\u{00A0}Bùi Thanh Sơn phát\u{200D}biểu.\r\n"
        let article = try Self.process(Array(messy.utf8))
        #expect(article.title == "Hội nghị Ngoại giao")
        #expect(article.lead == "Bộ trưởng Bùi Thanh Sơn phátbiểu.")
    }

    @Test func utf32IsRefusedWithAMessageNamingIt() {
        #expect {
            try Self.process([0xFF, 0xFE, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00])
        } throws: { error in
            (error as? ArticleError)?.message.contains("UTF-32") == true
        }
    }

    @Test func imageBytesAreBinaryContent() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        ]
        #expect {
            try Self.process(png)
        } throws: { error in
            (error as? ArticleError)?.kind == .binaryContent
        }
    }

    /// The character Windows-1252 shows for a byte (Latin-1 except 0x80-0x9F).
    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        let specials: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return specials[byte] ?? UInt32(byte)
    }
}
