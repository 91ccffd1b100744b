import Testing

@testable import ArticleCore

/// The word-at-a-time count of control bytes against the byte-by-byte rule it stands for.
struct BinaryContentDetectorTests {
    /// NUL, and the control bytes that are not tab, line feed, form feed or carriage return.
    private static func referenceCounts(_ bytes: [UInt8]) -> (nul: Int, control: Int) {
        let nul = bytes.count { $0 == 0x00 }
        let control = bytes.count { ($0 < 0x20 || $0 == 0x7F) && ![0x00, 0x09, 0x0A, 0x0C, 0x0D].contains($0) }
        return (nul, control)
    }

    private static func counts(_ bytes: [UInt8]) -> (nul: Int, control: Int) {
        bytes.withUnsafeBufferPointer(BinaryContentDetector.countNULAndControlBytes)
    }

    @Test func everyByteValueAtEveryPositionOfAWordIsCountedAsTheRuleSays() {
        // Text around the byte: ASCII, Vietnamese (bytes of 0x80 and more) and 0x20 and 0x7E, the
        // neighbours of the byte ranges the word test subtracts from.
        let backgrounds: [[UInt8]] = [
            Array("Hà Nội, ngày 3/12".utf8), Array(String(repeating: "~ ", count: 12).utf8),
            Array("Đường Nguyễn Trãi".utf8),
        ]
        for background in backgrounds {
            for value in 0...255 {
                for position in 0..<min(background.count, 11) {
                    var bytes = background
                    bytes[position] = UInt8(value)
                    let counted = Self.counts(bytes)
                    let expected = Self.referenceCounts(bytes)
                    #expect(
                        counted.nul == expected.nul && counted.control == expected.control,
                        "byte \(value) at \(position) of \(background)")
                }
            }
        }
    }

    @Test func manyControlBytesInARowAreAllCounted() {
        // Borrows run across neighbouring bytes; every one of a run must still be counted.
        let bytes: [UInt8] = Array("Tiêu đề".utf8) + [UInt8](repeating: 0x01, count: 19) + [0x00, 0x7F, 0x7F, 0x0A, 0x1F]
            + Array("Đoạn văn.".utf8)
        let counted = Self.counts(bytes)
        #expect(counted.nul == 1)
        #expect(counted.control == 22)
    }
}
