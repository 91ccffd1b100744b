/// Reads ISO 8601 dates and date-times as HTML meta tags, JSON-LD and crawlers write them
/// (`2023-12-21`, `2023-12-21T10:06`, `2023-12-21T03:06:00Z`, `2023-12-21 10:06:00+07:00`,
/// `2023-12-21T10:06:00.000+0700`) and writes them in Vietnam time.
enum ISODateParser {
    /// `yyyy-MM-dd`, or `yyyy-MM-ddTHH:mm:ss+07:00` converted from any stated offset (a time
    /// without one is taken as Vietnam time); nil when the text is not ISO 8601.
    static func parse(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
            let day = number(2)
        else { return nil }
        guard index < bytes.count else { return VietnamTime.isoDate(year: year, month: month, day: day) }
        guard skip(UInt8(ascii: "T")) || skip(UInt8(ascii: " ")), let hour = number(2), skip(UInt8(ascii: ":")),
            let minute = number(2)
        else { return nil }
        var second = 0
        if skip(UInt8(ascii: ":")) {
            guard let value = number(2) else { return nil }
            second = value
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            }
        }
        var offset: Int?
        if skip(UInt8(ascii: "Z")) {
            offset = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let negative = bytes[index] == UInt8(ascii: "-")
            index += 1
            guard let hours = number(2) else { return nil }
            _ = skip(UInt8(ascii: ":"))
            let minutes = number(2) ?? 0
            offset = (negative ? -1 : 1) * (hours * 60 + minutes)
        }
        guard index == bytes.count else { return nil }
        return VietnamTime.isoDateTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }
}
