/// A piece of a date or time as written: a run of digits, a run of letters, or one other
/// character. Whitespace separates tokens and is not one.
enum DateToken: Equatable {
    case number(Int, digits: Int)
    case word(String)
    case symbol(Character)

    /// Tokens of lowercased text; nil when the text has a number too long to be a date part.
    static func tokenize(_ text: String) -> [DateToken]? {
        var tokens: [DateToken] = []
        var digits = ""
        var letters = ""
        func flush() -> Bool {
            if !digits.isEmpty {
                guard digits.count <= 4, let value = Int(digits) else { return false }
                tokens.append(.number(value, digits: digits.count))
                digits = ""
            }
            if !letters.isEmpty {
                tokens.append(.word(letters))
                letters = ""
            }
            return true
        }
        for character in text {
            if character.isASCII && character.isNumber {
                if !letters.isEmpty { guard flush() else { return nil } }
                digits.append(character)
            } else if character.isLetter {
                if !digits.isEmpty { guard flush() else { return nil } }
                letters.append(character)
            } else {
                guard flush() else { return nil }
                if !character.isWhitespace { tokens.append(.symbol(character)) }
            }
        }
        guard flush() else { return nil }
        return tokens
    }
}
