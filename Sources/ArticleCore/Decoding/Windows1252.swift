/// The bytes Windows-1252 gives characters, for undoing double-encoded UTF-8.
///
/// Bytes 0xA0-0xFF are Latin-1; 0x80-0x9F follow Microsoft's mapping as published by the
/// Unicode Consortium (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT). Decoders that used Latin-1
/// instead leave those bytes as C1 control characters, which map back to themselves.
enum Windows1252 {
    /// Unicode scalar of bytes 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
    private static let controlRange: [UInt32] = [
        0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
        0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
    ]

    private static let byteOfSpecial: [UInt32: UInt8] = Dictionary(
        uniqueKeysWithValues: controlRange.enumerated().compactMap { index, value in
            value == 0 ? nil : (value, UInt8(0x80 + index))
        })

    /// The byte that Windows-1252 (or Latin-1) decodes to , or nil when there is none.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value <= 0xFF { return UInt8(scalar.value) }
        return byteOfSpecial[scalar.value]
    }
}
