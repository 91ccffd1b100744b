import Foundation

/// Case, tone and accent facts about the letters of Vietnamese text, looked up in a table built
/// once per process instead of asking Unicode properties for every scalar. The one place that
/// knows letters: the tokenizer's keys, the search folding below and ``CaseFolding``'s
/// comparison keys all read this table.
///
/// A Vietnamese letter is a base letter, optional vowel modifiers (ă â ê ô ơ ư đ) and at most one
/// tone mark. Lexicon keys drop the tone from the letter and add it back once per word, so the
/// old and new tone placements ("hòa"/"hoà", "Thủy"/"Thuỷ", "Ủy ban"/"Uỷ ban") give one key.
enum VietnameseLetters {
    /// What the tokenizer needs to know about one scalar.
    struct Letter: Sendable {
        /// Lowercase letter without its tone mark ("ệ" and "Ệ" give "ê").
        var toneless: Unicode.Scalar
        /// 0 for none, 1...5 for huyền, sắc, hỏi, ngã, nặng.
        var tone: UInt8
        /// ASCII letter without any mark ("ệ" gives "e", "đ" gives "d"); 0 when there is none.
        var folded: UInt8
        var isUppercase: Bool
        /// The small letter, tone kept ("Ệ" gives "ệ"); nil when Unicode lowercases the letter
        /// to more than one scalar ("İ" gives "i" and a combining dot).
        var lowercase: Unicode.Scalar?
    }

    /// Letters from U+00C0 up to the end of Latin Extended-B, and the Vietnamese block.
    fileprivate static let latinRange: ClosedRange<UInt32> = 0xC0...0x24F
    fileprivate static let vietnameseRange: ClosedRange<UInt32> = 0x1EA0...0x1EFF

    /// The letters of the two ranges, built once; hot loops take a copy of this (a reference)
    /// so that they do not pass the lazy-initialisation check of a static at every scalar.
    struct Table: Sendable {
        fileprivate let latin: [Letter?]
        fileprivate let vietnamese: [Letter?]
        /// The small letter of each scalar of the two ranges as a bare value, four bytes instead
        /// of a ``Letter``: case folding reads it for every scalar beyond ASCII.
        private let latinLowercase: [UInt32]
        private let vietnameseLowercase: [UInt32]

        fileprivate init() {
            latin = VietnameseLetters.latinRange.map(VietnameseLetters.makeLetter)
            vietnamese = VietnameseLetters.vietnameseRange.map(VietnameseLetters.makeLetter)
            latinLowercase = zip(VietnameseLetters.latinRange, latin).map(Self.lowercaseValue)
            vietnameseLowercase = zip(VietnameseLetters.vietnameseRange, vietnamese).map(Self.lowercaseValue)
        }

        private static func lowercaseValue(_ value: UInt32, _ letter: Letter?) -> UInt32 {
            guard let letter else { return value }
            return letter.lowercase?.value ?? multipleScalars
        }

        /// The value of the small letter of a scalar of the two ranges: the value itself for a
        /// small letter or a scalar that is no letter, ``multipleScalars`` for a letter whose
        /// lowercase is more than one scalar; nil outside the ranges.
        @inline(__always)
        func lowercaseValue(_ value: UInt32) -> UInt32? {
            if VietnameseLetters.latinRange.contains(value) {
                return latinLowercase[Int(value - VietnameseLetters.latinRange.lowerBound)]
            }
            if VietnameseLetters.vietnameseRange.contains(value) {
                return vietnameseLowercase[Int(value - VietnameseLetters.vietnameseRange.lowerBound)]
            }
            return nil
        }

        /// ``lowercaseValue(_:)`` of a letter whose lowercase is more than one scalar.
        static var multipleScalars: UInt32 { 0 }

        /// The letter behind a scalar, or nil for digits, punctuation, spaces and symbols.
        @inline(__always)
        func letter(_ scalar: Unicode.Scalar) -> Letter? {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A {
                    return Letter(toneless: scalar, tone: 0, folded: UInt8(value), isUppercase: false, lowercase: scalar)
                }
                if value >= 0x41 && value <= 0x5A {
                    let lower = Unicode.Scalar(UInt8(value + 0x20))
                    return Letter(toneless: lower, tone: 0, folded: UInt8(value + 0x20), isUppercase: true, lowercase: lower)
                }
                return nil
            }
            if VietnameseLetters.latinRange.contains(value) {
                return latin[Int(value - VietnameseLetters.latinRange.lowerBound)]
            }
            if VietnameseLetters.vietnameseRange.contains(value) {
                return vietnamese[Int(value - VietnameseLetters.vietnameseRange.lowerBound)]
            }
            // Latin-1 symbols, general punctuation (“ ” – …) and CJK punctuation: no letters.
            if value < 0xC0 || (0x2000...0x206F).contains(value) || (0x3000...0x303F).contains(value) { return nil }
            return VietnameseLetters.otherLetter(scalar)
        }
    }

    static let table = Table()

    private static let toneMarks: [UInt32: UInt8] = [0x300: 1, 0x301: 2, 0x309: 3, 0x303: 4, 0x323: 5]

    /// The letter behind a scalar, or nil for digits, punctuation, spaces and symbols.
    static func letter(_ scalar: Unicode.Scalar) -> Letter? {
        table.letter(scalar)
    }

    /// Letters of other scripts and combining marks: rare in Vietnamese news, so the Unicode
    /// properties are asked directly.
    fileprivate static func otherLetter(_ scalar: Unicode.Scalar) -> Letter? {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.generalCategory == .nonspacingMark else { return nil }
        let mapping = properties.lowercaseMapping.unicodeScalars
        return Letter(
            toneless: mapping.first ?? scalar, tone: 0, folded: 0, isUppercase: properties.isUppercase,
            lowercase: mapping.count == 1 ? mapping.first : nil)
    }

    private static func singleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first : nil
    }

    fileprivate static func makeLetter(_ value: UInt32) -> Letter? {
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return nil }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        var tone: UInt8 = 0
        var kept = String.UnicodeScalarView()
        for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars {
            if let mark = toneMarks[part.value] { tone = mark } else { kept.append(part) }
        }
        let toneless = String(kept).precomposedStringWithCanonicalMapping.unicodeScalars.first ?? lower
        var folded: UInt8 = 0
        if lower == "đ" {
            folded = UInt8(ascii: "d")
        } else if let base = kept.first, base.isASCII {
            folded = UInt8(base.value)
        }
        return Letter(
            toneless: toneless, tone: tone, folded: folded, isUppercase: scalar.properties.isUppercase,
            lowercase: singleLowercase(scalar))
    }

    /// Lowercase form of a scalar (any letter, not only Vietnamese ones).
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard let letter = letter(scalar), letter.isUppercase else { return scalar }
        return letter.lowercase ?? scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Uppercase form of a scalar.
    static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard let letter = letter(scalar), !letter.isUppercase else { return scalar }
        return scalar.properties.uppercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Accent-free lowercase ASCII form for search: "Nguyễn Phú Trọng" gives "nguyen phu trong".
    /// Letters without an ASCII base are kept lowercase; whitespace runs become one space.
    static func folded(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // Unicode's White_Space as TextNormalizer spells it out: asking the scalar's
            // properties cost more than the rest of folding.
            if scalar == " " || scalar == "\n" || (!scalar.isASCII && TextNormalizer.isWhitespace(scalar)) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if let letter = letter(scalar) {
                // Combining marks left over from NFD text fold to nothing.
                if letter.folded != 0 {
                    output.append(letter.folded)
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    output.append(contentsOf: String(letter.toneless).utf8)
                }
            } else {
                output.append(contentsOf: String(scalar).utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// "THỦY NGUYÊN" as a name is written: "Thủy Nguyên". Each word keeps its first letter's case
    /// uppercase and the rest lowercase.
    static func nameCased(_ text: some StringProtocol) -> String {
        var output = String.UnicodeScalarView()
        var atWordStart = true
        for scalar in text.unicodeScalars {
            if TextNormalizer.isWhitespace(scalar) || scalar == "-" {
                output.append(scalar)
                atWordStart = true
            } else {
                output.append(atWordStart ? uppercase(scalar) : lowercase(scalar))
                atWordStart = false
            }
        }
        return String(output)
    }
}
