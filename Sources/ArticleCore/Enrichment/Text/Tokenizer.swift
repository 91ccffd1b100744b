/// Splits a segment of text into words, numbers and punctuation in one pass over its UTF-8
/// bytes.
///
/// Words are runs of letters (digits may follow a letter: "G20"); a capital after a small
/// letter splits a Vietnamese word where a space went missing ("Hà NộiCựu" gives "Nội" and
/// "Cựu"), but not a brand ("VinFast"); hyphens always split, so
/// "Nga-Ukraine" gives two place names and "Covid-19" a word and a number; an apostrophe
/// between letters stays in the word ("H'Hen"). Numbers keep inner
/// separators ("97,8", "4.0", "20.12.2013"). Each word is keyed by its lowercase letters without
/// tone marks plus its tone, so lexicon lookups ignore case and tone placement. The bytes are
/// decoded by hand: `String` index validation cost more than the rest of tokenizing.
enum Tokenizer {
    /// Words that a period follows without ending the sentence: Vietnamese abbreviations of
    /// places ("TP. Hồ Chí Minh", "Q. 1", "P. Bến Nghé", "TX. Sơn Tây") and of academic and
    /// professional titles ("PGS.TS. Nguyễn Văn A", "ThS. BS.", "BS CK1."), and English ones.
    /// A period glued to the next word ("TP.HCM", "Th.S") ends nothing whatever the word, nor
    /// does one followed by a lowercase word: Vietnamese sentences open with a capital.
    private static let abbreviations = KeySet(
        words: [
            "tp", "q", "p", "tx", "gs", "pgs", "ts", "tskh", "ths", "bs", "bsck", "ck1", "ck2", "cki", "ckii",
            "bscki", "bsckii", "bsnt", "ks", "kts", "ls", "ncs", "mr", "mrs", "ms", "dr", "st",
        ])

    /// The key a word would get as a token; used for words named in code.
    static func wordKey(_ word: String) -> UInt64 {
        tokenize(Array(word.utf8), vocabulary: nil).first?.key ?? 0
    }

    /// Tokens of a string, for lexicon entries and tests.
    static func tokenize(_ text: String, vocabulary: Vocabulary?) -> [Token] {
        tokenize(Array(text.utf8), vocabulary: vocabulary)
    }

    /// - Parameters:
    ///   - bytes: valid UTF-8, as any `String`'s.
    ///   - vocabulary: gives each word its lexicon id; nil while the lexicons themselves are read.
    static func tokenize(_ bytes: [UInt8], vocabulary: Vocabulary?) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize($0, vocabulary: vocabulary) }
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary?) -> [Token] {
        let letterTable = VietnameseLetters.table
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        var spaceBefore = false
        var sentenceStartPending = true
        var clauseStartPending = false

        while index < bytes.count {
            let (scalar, width) = decode(bytes, at: index)
            if TextNormalizer.isWhitespace(scalar) {
                spaceBefore = true
                index += width
                continue
            }
            let start = index
            var token: Token
            if let first = letterTable.letter(scalar) {
                var key = KeyHasher()
                var folded = KeyHasher()
                var tone: UInt8 = 0
                var letters = 0
                var uppercase = 0
                var hasMarks = false
                var hasDigits = false
                var current: VietnameseLetters.Letter? = first
                var currentScalar = scalar
                var currentWidth = width
                var previousIsLowercase = false
                while true {
                    if let letter = current {
                        key.combine(letter.toneless.value)
                        folded.combine(letter.folded != 0 ? UInt32(letter.folded) : letter.toneless.value)
                        if letter.tone != 0 { tone = letter.tone }
                        if currentWidth > 1 { hasMarks = true }
                        letters += 1
                        if letter.isUppercase { uppercase += 1 }
                        previousIsLowercase = !letter.isUppercase
                    } else {
                        key.combine(currentScalar.value)
                        folded.combine(currentScalar.value)
                        hasDigits = true
                        previousIsLowercase = false
                    }
                    index += currentWidth
                    // Small ASCII letters, most of the letters of Vietnamese words, need neither
                    // decoding nor the table: their key and folded form are the byte itself.
                    while index < bytes.count, bytes[index] &- UInt8(ascii: "a") < 26 {
                        key.combine(UInt32(bytes[index]))
                        folded.combine(UInt32(bytes[index]))
                        letters += 1
                        previousIsLowercase = true
                        index += 1
                    }
                    guard index < bytes.count else { break }
                    (currentScalar, currentWidth) = decode(bytes, at: index)
                    current = letterTable.letter(currentScalar)
                    if current == nil && isApostrophe(currentScalar), index + currentWidth < bytes.count,
                        letterTable.letter(decode(bytes, at: index + currentWidth).0) != nil
                    {
                        // "H'Hen Niê", "Đắk R'Lấp": the apostrophe between letters is part of
                        // the word, as the highland peoples' names are written.
                        key.combine(0x27)
                        folded.combine(0x27)
                        index += currentWidth
                        (currentScalar, currentWidth) = decode(bytes, at: index)
                        current = letterTable.letter(currentScalar)
                        previousIsLowercase = false
                    }
                    if current == nil && !isDigit(currentScalar) { break }
                    if let next = current, next.isUppercase, previousIsLowercase, hasMarks || currentWidth > 1 { break }
                }
                key.combine(0x100 + UInt32(tone))
                let casing: Token.Casing =
                    !first.isUppercase ? .lower : (letters >= 2 && uppercase == letters ? .allCaps : .capitalized)
                token = Token(
                    start: Int32(start), end: Int32(index), key: key.value, word: Vocabulary.unknown, kind: .word,
                    casing: casing, spaceBefore: spaceBefore, startsSentence: false, startsClause: false,
                    isForeignShaped: false, foldedKey: folded.value, mark: " ")
                if !hasMarks && !hasDigits {
                    token.isForeignShaped = !VietnameseSyllable.isPlausible(bytes[start..<index])
                }
            } else if isDigit(scalar) {
                var key = KeyHasher()
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte >= 0x30 && byte <= 0x39 {
                        key.combine(UInt32(byte))
                        index += 1
                    } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), index + 1 < bytes.count,
                        bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
                    {
                        key.combine(UInt32(byte))
                        index += 1
                    } else {
                        break
                    }
                }
                token = Token(
                    start: Int32(start), end: Int32(index), key: key.value, word: Vocabulary.unknown, kind: .number,
                    casing: .lower, spaceBefore: spaceBefore, startsSentence: false, startsClause: false,
                    isForeignShaped: false, foldedKey: key.value, mark: " ")
            } else {
                index += width
                var key = KeyHasher()
                key.combine(scalar.value)
                key.combine(0x100)
                token = Token(
                    start: Int32(start), end: Int32(index), key: key.value, word: Vocabulary.unknown,
                    kind: .punctuation, casing: .lower, spaceBefore: spaceBefore, startsSentence: false,
                    startsClause: false, isForeignShaped: false, foldedKey: key.value, mark: scalar)
            }
            if token.kind != .punctuation {
                if sentenceStartPending {
                    // A period glued to the next word ("TP.HCM"), after an abbreviation or before a
                    // lowercase word ends nothing.
                    let glued = !token.spaceBefore && !tokens.isEmpty
                    let afterAbbreviation = tokens.count >= 2 && abbreviations.contains(tokens[tokens.count - 2].key)
                    let lowercase = token.kind == .word && token.casing == .lower
                    token.startsSentence = tokens.isEmpty || !(glued || afterAbbreviation || lowercase)
                } else {
                    token.startsClause = clauseStartPending
                }
                sentenceStartPending = false
                clauseStartPending = false
            }
            if let vocabulary, token.kind != .number { token.word = vocabulary.id(for: token.key) }
            tokens.append(token)
            spaceBefore = false
            if token.kind == .punctuation {
                switch token.mark {
                case ".", "!", "?", "…":
                    sentenceStartPending = true
                case ":", "“", "«", "‘":
                    clauseStartPending = true
                case "\"":
                    // A straight quote opens when it follows a space or starts the text.
                    if token.spaceBefore || tokens.count == 1 { clauseStartPending = true }
                case "-", "–", "—", "•":
                    // A dash opening a segment is a list bullet.
                    if tokens.count == 1 { sentenceStartPending = true }
                default:
                    break
                }
            }
        }
        return tokens
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let (value, length) = UTF8Encoding.decode(bytes, at: index)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always)
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    @inline(__always)
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
