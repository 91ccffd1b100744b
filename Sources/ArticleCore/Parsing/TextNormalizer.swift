import Foundation

/// Brings scraped text to one canonical form before any structure is looked for.
///
/// Scraped Vietnamese arrives in NFD as often as NFC, with CRLF line ends, NBSP indentation and
/// invisible zero-width characters. Every later step compares text, so all of that is settled
/// here, once, in a single pass over the scalars.
enum TextNormalizer {
    /// NFC, BOM and zero-width characters removed, CRLF/CR/U+2028/U+2029 turned into LF, and NBSP,
    /// tabs and other Unicode spaces turned into plain spaces. Line structure is kept: blank lines
    /// and line breaks carry meaning (paragraphs, broken words) that ``Line`` reads later.
    static func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var output = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in composed.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0D, 0x2028, 0x2029:
                output.append("\n")
            case 0x0A:
                // The LF of a CRLF pair was already emitted for the CR.
                if !previousWasCarriageReturn { output.append("\n") }
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x09, 0x0B, 0x0C, 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                output.append(" ")
            case 0x00...0x1F, 0x7F:
                // Stray control characters are replaced so they cannot glue two words together.
                output.append(" ")
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The form article ids are derived from: ``normalize(_:)`` with every whitespace run
    /// (line breaks included) collapsed to one space and the ends trimmed.
    static func canonicalForIdentity(_ text: String) -> String {
        collapsingWhitespace(normalize(text))
    }

    /// Collapses each whitespace run to one space and trims the ends. Works on scalars rather
    /// than `Character`s: grapheme breaking is the most expensive part of walking a `String`.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }
}
