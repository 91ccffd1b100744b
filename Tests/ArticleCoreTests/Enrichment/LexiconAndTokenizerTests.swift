import Foundation
import Testing

@testable import ArticleCore

@Suite struct LexiconAndTokenizerTests {
    @Test func compiledLexiconsReadWithoutProblems() {
        #expect(ArticleEnricher.lexiconProblems.isEmpty, "\(ArticleEnricher.lexiconProblems)")
        for file in LexiconFile.allCases {
            #expect(Lexicons.shared.entries.contains { $0.source.hasPrefix(file.rawValue + ":") }, "\(file.rawValue)")
        }
    }

    /// Every file of the lexicon folder, all of which Package.swift compiles in, is read (it has
    /// its case in ``LexiconFile``): a lexicon file added without its case fails here.
    @Test func everyLexiconFileInTheFolderIsRead() throws {
        let folder = RepositoryFixtures.root.appendingPathComponent("Sources/ArticleCore/Enrichment/Lexicons/Data")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(files) == Set(LexiconFile.allCases.map(\.rawValue)))
    }

    @Test func everyLexiconFileOpensWithAHeaderSayingWhereItsFactsComeFrom() {
        for file in LexiconFile.allCases {
            let text = String(decoding: file.contents, as: UTF8.self)
            let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: " ")
            #expect(header.count > 80, "\(file.rawValue) has no header")
            #expect(header.contains("Source"), "\(file.rawValue) names no source")
        }
    }

    @Test func malformedLinesAreReportedNotFatal() throws {
        #expect(throws: LexiconError.self) {
            _ = try LexiconEntry.parse(line: "Bộ trưởng [no-such-flag]", number: 3, file: "x.txt", category: .title)
        }
        let entry = try #require(
            try LexiconEntry.parse(
                line: "Anh | Vương quốc Anh [ambiguous]  # England", number: 9, file: "c.txt", category: .place))
        #expect(entry.canonical == "Anh")
        #expect(entry.variants == ["Anh", "Vương quốc Anh"])
        #expect(entry.flags == .ambiguous)
        #expect(entry.source == "c.txt:9")
        #expect(try LexiconEntry.parse(line: "   # only a comment", number: 1, file: "x", category: .title) == nil)
    }

    @Test func wordKeysIgnoreCaseAndWhereTheToneMarkSits() {
        #expect(Tokenizer.wordKey("Hòa") == Tokenizer.wordKey("hoà"))
        #expect(Tokenizer.wordKey("Thủy") == Tokenizer.wordKey("THUỶ"))
        #expect(Tokenizer.wordKey("Ủy") == Tokenizer.wordKey("uỷ"))
        #expect(Tokenizer.wordKey("hòa") != Tokenizer.wordKey("hoa"))
        #expect(Tokenizer.wordKey("năm") != Tokenizer.wordKey("nam"))
    }

    /// Small ASCII letters take a shortcut past the table of letters; capitals take the table.
    /// Both must give every word the same keys, boundaries and shape.
    @Test func smallAsciiLettersKeyAsTheTableKeysTheirCapitals() {
        let text = "nghiêng ngả thành phố hà nội g20 covid-19 trường đại học quốc gia xyz tiếng việt"
        let small = Tokenizer.tokenize(text, vocabulary: nil)
        let capitals = Tokenizer.tokenize(text.uppercased(), vocabulary: nil)
        #expect(small.count == capitals.count)
        for (word, capital) in zip(small, capitals) {
            #expect(word.key == capital.key && word.foldedKey == capital.foldedKey)
            #expect(word.start == capital.start && word.end == capital.end && word.kind == capital.kind)
        }
        #expect(small[small.count - 3].isForeignShaped && !small[0].isForeignShaped)
        // A capital after small letters still splits a Vietnamese word, not a brand.
        let glued = "Hà NộiCựu VinFast iPhone"
        let words = Tokenizer.tokenize(glued, vocabulary: nil)
            .map { String(decoding: Array(glued.utf8)[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(words == ["Hà", "Nội", "Cựu", "VinFast", "iPhone"])
    }

    /// The folded key hashes each letter of a word as its ASCII letter without any mark, and
    /// digits and the apostrophe as they are: checked against that rule, scalar by scalar, on
    /// random words of ASCII and Vietnamese letters in both cases, digits and apostrophes.
    @Test func foldedKeysHashEveryLetterWithoutItsMarks() {
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyzáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
        let others: [Character] = ["0", "7", "'"]
        var generator = SplitMix64(seed: 14)
        for _ in 0..<2_000 {
            var word = String(alphabet.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 0...7, using: &generator) {
                let pick = Int.random(in: 0..<10, using: &generator)
                word.append(pick == 0 ? others.randomElement(using: &generator)! : alphabet.randomElement(using: &generator)!)
            }
            if Bool.random(using: &generator) { word = word.uppercased() }
            let tokens = Tokenizer.tokenize(word, vocabulary: nil)
            let bytes = Array(word.utf8)
            for token in tokens where token.kind == .word {
                let spelling = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
                var expected = KeyHasher()
                for scalar in spelling.unicodeScalars {
                    if let letter = VietnameseLetters.table.letter(scalar) {
                        expected.combine(letter.folded != 0 ? UInt32(letter.folded) : letter.toneless.value)
                    } else {
                        expected.combine(scalar.value)  // a digit or the apostrophe
                    }
                }
                #expect(token.foldedKey == expected.value, "\(spelling) of \(word)")
            }
        }
    }

    @Test func tokensCarryCaseSentenceStartAndForeignShape() {
        let text = "Tổng thống Joe Biden gặp UNESCO. Sau đó, xung đột Nga-Ukraine: “Covid-19” tăng 97,8%."
        let tokens = Tokenizer.tokenize(text, vocabulary: nil)
        let segment = Array(text.utf8)
        func word(_ token: Token) -> String {
            String(decoding: segment[Int(token.start)..<Int(token.end)], as: UTF8.self)
        }
        let words = tokens.map(word)
        #expect(words.contains("Nga") && words.contains("Ukraine") && words.contains("97,8"))
        let biden = tokens[words.firstIndex(of: "Biden")!]
        #expect(biden.isForeignShaped && biden.casing == .capitalized && !biden.startsSentence)
        #expect(!tokens[words.firstIndex(of: "Tổng")!].isForeignShaped)
        #expect(tokens[words.firstIndex(of: "UNESCO")!].casing == .allCaps)
        #expect(tokens[words.firstIndex(of: "Sau")!].startsSentence)
        #expect(tokens[words.firstIndex(of: "Covid")!].startsClause)
        #expect(tokens[words.firstIndex(of: "19")!].kind == .number)
    }

    @Test func abbreviatedPrefixesDoNotEndSentences() {
        let tokens = Tokenizer.tokenize("TP. Hồ Chí Minh và TP.HCM", vocabulary: nil)
        #expect(tokens.filter(\.startsSentence).count == 1)
    }

    @Test func foldedFormsDropAccentsAndCase() {
        #expect(VietnameseLetters.folded("Nguyễn Phú Trọng") == "nguyen phu trong")
        #expect(VietnameseLetters.folded("Đinh  Tiến\u{00A0}Dũng") == "dinh tien dung")
        #expect(VietnameseLetters.nameCased("THỦY NGUYÊN") == "Thủy Nguyên")
    }

    @Test func syllableShapeTellsForeignWords() {
        for word in ["Minh", "Trung", "Nga", "Nghiêng".replacingOccurrences(of: "ê", with: "e"), "Quang", "Gia"] {
            #expect(VietnameseSyllable.isPlausible(ArraySlice(word.utf8)), "\(word)")
        }
        for word in ["Biden", "Macron", "Vingroup", "Samsung", "Joe", "Putin"] {
            #expect(!VietnameseSyllable.isPlausible(ArraySlice(word.utf8)), "\(word)")
        }
    }
}
