/// A piece of a date or time as written: a run of digits, a run of letters, or one other
/// character. Whitespace separates tokens and is not one.
enum DateToken: Equatable {
    case number(Int, digits: Int)
    case word(String)
    case symbol(Character)

    /// Tokens of `text`, with words lowercased; nil when the text has a number too long to be a
    /// date part or a word `isAcceptedWord` refuses. Refusing words here ends tokenising at the
    /// first word that cannot belong, which is where most lines of prose end, and lowercasing
    /// word by word spares the rest of such a line.
    ///
    /// Reads scalars, not characters: the text is NFC-normalised, so every letter of a date
    /// word is one scalar, and characters would cost a grapheme-breaking pass per line.
    static func tokenize(_ text: String, isAcceptedWord: (String) -> Bool = { _ in true }) -> [DateToken]? {
        var tokens: [DateToken] = []
        var number = 0
        var digits = 0
        var letters = String.UnicodeScalarView()
        func flush() -> Bool {
            if digits > 0 {
                guard digits <= 4 else { return false }
                tokens.append(.number(number, digits: digits))
                number = 0
                digits = 0
            }
            if !letters.isEmpty {
                let word = CaseFolding.lowercased(String(letters))
                guard isAcceptedWord(word) else { return false }
                tokens.append(.word(word))
                letters = String.UnicodeScalarView()
            }
            return true
        }
        for scalar in text.unicodeScalars {
            switch Kind(scalar) {
            case .digit:
                if !letters.isEmpty { guard flush() else { return nil } }
                number = number * 10 + Int(scalar.value - 0x30)
                digits += 1
                // Longer runs are refused at the flush; stop growing before they could overflow.
                guard digits <= 4 else { return nil }
            case .letter:
                if digits > 0 { guard flush() else { return nil } }
                letters.append(scalar)
            case .whitespace:
                guard flush() else { return nil }
            case .symbol:
                guard flush() else { return nil }
                tokens.append(.symbol(Character(scalar)))
            }
        }
        guard flush() else { return nil }
        return tokens
    }

    private enum Kind {
        case digit, letter, whitespace, symbol

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x30...0x39: self = .digit
            case 0x61...0x7A, 0x41...0x5A: self = .letter
            case 0x20, 0x09...0x0D: self = .whitespace
            case 0x00...0x7F: self = .symbol
            default:
                if scalar.properties.isAlphabetic {
                    self = .letter
                } else {
                    self = scalar.properties.isWhitespace ? .whitespace : .symbol
                }
            }
        }
    }
}
