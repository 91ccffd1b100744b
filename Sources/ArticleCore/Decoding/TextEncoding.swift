/// The character encoding an article's bytes turned out to be in.
public enum TextEncoding: String, Sendable, Codable, Equatable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    /// Microsoft's Vietnamese code page, common in older Vietnamese sites and documents.
    case windows1258 = "windows-1258"
    /// UTF-8 that someone decoded as Windows-1252 and encoded as UTF-8 again ("Há»™i nghá»‹"),
    /// repaired back to the original text.
    case doubleEncodedUTF8 = "utf-8-double-encoded"
}
