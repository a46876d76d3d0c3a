import Foundation

/// Reads the body of `GET /ai-inference/instances` straight from its bytes.
/// A watcher polls that list every few seconds, and with 10,000 instances the
/// generated decoding (JSONDecoder's generic keyed containers, field by field)
/// took about 90 ms a poll.
///
/// It reads the body the service writes: an array of objects whose known
/// fields have the types of the spec (`null` where the field may be absent),
/// strings without surrogate escapes, numbers, the service's dates, any
/// unknown field (skipped). Anything else — a required field missing or
/// `null`, a field twice, a wrong type, a date of another shape, text that is
/// not JSON — makes it decline (nil), and the caller hands the body to the
/// generated decoding, which then decides and words the error. So a list it
/// returns is the one the generated decoding returns, and a body that one
/// refuses is never accepted here.
package enum InstanceListReader {
    package static func instances(in body: UnsafeRawBufferPointer) -> [Wire.InstanceSummary]? {
        var reader = Reader(bytes: body.bindMemory(to: UInt8.self))
        return try? reader.list()
    }
}

/// Not a body this reader vouches for: the generated decoding takes it.
private struct Declined: Error {}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// Deepest nesting skipped in an unknown field (JSONDecoder's limit is far above).
    static let maxDepth = 32

    /// The byte at `index`, or 0 past the end: 0 is valid nowhere in JSON
    /// text, so every reader of it declines.
    var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func list() throws(Declined) -> [Wire.InstanceSummary] {
        try expect(UInt8(ascii: "["))
        var instances: [Wire.InstanceSummary] = []
        if !consume(UInt8(ascii: "]")) {
            repeat {
                instances.append(try instance())
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        }
        skipSpace()
        guard index == bytes.count else { throw Declined() }
        return instances
    }

    /// The fields of the schema's `InstanceSummary`, in a bit each, to tell a field given twice.
    enum Field: UInt8 {
        case id = 1, name = 2, status = 4, hourlyPrice = 8, features = 16, address = 32, createdAt = 64, updatedAt = 128
    }

    mutating func instance() throws(Declined) -> Wire.InstanceSummary {
        try expect(UInt8(ascii: "{"))
        var id: String?, name: String?, status: String?, hourlyPrice: Double?, features: [String]?, address: String?
        var createdAt: Date?, updatedAt: Date?
        var seen: UInt8 = 0
        if !consume(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                let key = try keyField()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                guard let field = key else {
                    try skipValue(depth: 0)
                    continue
                }
                guard seen & field.rawValue == 0 else { throw Declined() }
                seen |= field.rawValue
                switch field {
                case .id: id = try string()
                case .name: name = try string()
                case .status: status = try string()
                case .hourlyPrice: hourlyPrice = try null() ? nil : double()
                case .features: features = try null() ? nil : strings()
                case .address: address = try null() ? nil : string()
                case .createdAt: createdAt = try null() ? nil : date()
                case .updatedAt: updatedAt = try null() ? nil : date()
                }
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        guard let id, let name, let status else { throw Declined() }
        return Wire.InstanceSummary(
            id: id, name: name, status: status, hourlyPrice: hourlyPrice, features: features, address: address,
            createdAt: createdAt, updatedAt: updatedAt)
    }

    /// The known field a key names, or nil for another key. A key with an
    /// escape or a non-ASCII byte is declined: it might spell a known one.
    mutating func keyField() throws(Declined) -> Field? {
        let key = try stringToken()
        guard key.isPlain, key.isASCII else { throw Declined() }
        let text = UnsafeBufferPointer(rebasing: bytes[key.range])
        func equals(_ name: StaticString) -> Bool {
            text.count == name.utf8CodeUnitCount && memcmp(text.baseAddress!, name.utf8Start, text.count) == 0
        }
        switch text.count {
        case 3 where equals("_id"): return .id
        case 4 where equals("name"): return .name
        case 6 where equals("status"): return .status
        case 7 where equals("address"): return .address
        case 8 where equals("features"): return .features
        case 9 where equals("createdAt"): return .createdAt
        case 9 where equals("updatedAt"): return .updatedAt
        case 11 where equals("hourlyPrice"): return .hourlyPrice
        default: return nil
        }
    }

    /// Whether the value is `null` (then read), for a field that may be.
    mutating func null() throws(Declined) -> Bool {
        guard current == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: Values

    mutating func string() throws(Declined) -> String {
        let token = try stringToken()
        guard token.isPlain else { return try unescaped(token) }
        let text = UnsafeBufferPointer(rebasing: bytes[token.range])
        if token.isASCII { return String(decoding: text, as: UTF8.self) }
        guard let string = String(validating: text, as: UTF8.self) else { throw Declined() }
        return string
    }

    mutating func strings() throws(Declined) -> [String] {
        try expect(UInt8(ascii: "["))
        var strings: [String] = []
        if !consume(UInt8(ascii: "]")) {
            repeat {
                skipSpace()
                strings.append(try string())
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        }
        return strings
    }

    /// A date in the service's own shape, read as `SesterceDateTranscoder`
    /// reads it; any other shape is declined (the transcoder's general parser
    /// then reads it, or refuses it).
    mutating func date() throws(Declined) -> Date {
        let token = try stringToken()
        guard token.isPlain, token.isASCII,
            let date = SesterceDateTranscoder.parseUTC(UnsafeBufferPointer(rebasing: bytes[token.range]))
        else { throw Declined() }
        return date
    }

    /// A JSON number as a Double, converted as the C library's `strtod` does,
    /// which is what JSONDecoder uses. Out of range (infinite, or so small it
    /// loses precision) is declined: JSONDecoder refuses some of those.
    mutating func double() throws(Declined) -> Double {
        let number = try numberToken()
        let value: Double
        if !number.hasExponent, number.digits <= 15, number.fractionDigits < Self.powersOfTen.count {
            // Both exact in a Double, so the quotient is the correctly
            // rounded value, as strtod gives it (Clinger's fast path).
            let magnitude = Double(number.mantissa) / Self.powersOfTen[number.fractionDigits]
            value = number.isNegative ? -magnitude : magnitude
        } else {
            guard let parsed = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[number.range]), as: UTF8.self))
            else { throw Declined() }
            value = parsed
        }
        // A zero with an exponent (`0e1`) too: JSONDecoder refuses some of
        // those as underflow, and this reader cannot tell which.
        guard value.isFinite, value.isNormal || (value.isZero && !number.hasNonZeroDigit && !number.hasExponent)
        else { throw Declined() }
        return value
    }

    static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    // MARK: Tokens

    struct StringToken {
        /// Between the quotes.
        var range: Range<Int>
        /// Without escapes: the bytes are the string's UTF-8.
        var isPlain: Bool
        var isASCII: Bool
    }

    /// A string's extent, its escapes checked (a `\u` of a surrogate is
    /// declined, paired or not), control characters declined.
    mutating func stringToken() throws(Declined) -> StringToken {
        guard current == UInt8(ascii: "\"") else { throw Declined() }
        index += 1
        let start = index
        var isPlain = true, isASCII = true
        while true {
            // Most bytes are printable ASCII other than a quote or a backslash: skipped in a tight loop.
            while index < bytes.count, bytes[index] &- 0x20 < 0x60, bytes[index] != UInt8(ascii: "\""),
                bytes[index] != UInt8(ascii: "\\")
            {
                index += 1
            }
            let byte = current
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Declined() }  // also the end of the body
            if byte >= 0x80 { isASCII = false }
            if byte == UInt8(ascii: "\\") {
                isPlain = false
                index += 1
                switch current {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    guard let unit = hexUnit(at: index + 1), !(0xD800...0xDFFF).contains(unit) else { throw Declined() }
                    index += 4
                default:
                    throw Declined()
                }
            }
            index += 1
        }
        defer { index += 1 }
        return StringToken(range: start..<index, isPlain: isPlain, isASCII: isASCII)
    }

    /// The four hex digits at `position`, as a UTF-16 code unit.
    func hexUnit(at position: Int) -> UInt16? {
        guard position + 4 <= bytes.count else { return nil }
        var unit: UInt16 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// The text of a string whose escapes `stringToken` checked. Its other
    /// bytes are copied as they are, so a non-ASCII text must be valid UTF-8
    /// (an escape stands for whole characters: the text is valid exactly
    /// when the result is). No escape is shorter than what it stands for, so
    /// the text's length is room enough.
    func unescaped(_ token: StringToken) throws(Declined) -> String {
        let text = UnsafeBufferPointer(rebasing: bytes[token.range])
        guard token.isASCII || String(validating: text, as: UTF8.self) != nil else { throw Declined() }
        return String(unsafeUninitializedCapacity: text.count) { utf8 in
            var position = token.range.lowerBound, count = 0
            func write(_ byte: UInt8) {
                utf8[count] = byte
                count += 1
            }
            while position < token.range.upperBound {
                let byte = bytes[position]
                position += 1
                guard byte == UInt8(ascii: "\\") else {
                    write(byte)
                    continue
                }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "b"): write(0x08)
                case UInt8(ascii: "f"): write(0x0C)
                case UInt8(ascii: "n"): write(0x0A)
                case UInt8(ascii: "r"): write(0x0D)
                case UInt8(ascii: "t"): write(0x09)
                case UInt8(ascii: "u"):
                    // Not a surrogate (stringToken declined those): one scalar, one to three bytes.
                    let unit = hexUnit(at: position)!
                    position += 4
                    if unit < 0x80 {
                        write(UInt8(unit))
                    } else if unit < 0x800 {
                        write(0xC0 | UInt8(unit >> 6))
                        write(0x80 | UInt8(unit & 0x3F))
                    } else {
                        write(0xE0 | UInt8(unit >> 12))
                        write(0x80 | UInt8(unit >> 6 & 0x3F))
                        write(0x80 | UInt8(unit & 0x3F))
                    }
                default: write(escape)  // " \ /
                }
            }
            return count
        }
    }

    struct NumberToken {
        var range: Range<Int>
        var isNegative = false
        /// All the digits before the exponent, as one integer (meaningful up to 19 digits).
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var hasExponent = false
        var hasNonZeroDigit = false
    }

    /// A number as JSON's grammar has it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func numberToken() throws(Declined) -> NumberToken {
        var number = NumberToken(range: index..<index)
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        func digit(_ number: inout NumberToken, _ byte: UInt8) {
            let value = UInt64(byte - UInt8(ascii: "0"))
            if number.digits < 19 { number.mantissa = number.mantissa &* 10 &+ value }
            number.digits += 1
            if value != 0 { number.hasNonZeroDigit = true }
        }
        if consumeByte(UInt8(ascii: "-")) { number.isNegative = true }
        guard isDigit(current) else { throw Declined() }
        if current == UInt8(ascii: "0") {
            digit(&number, current)
            index += 1
        } else {
            while isDigit(current) {
                digit(&number, current)
                index += 1
            }
        }
        if consumeByte(UInt8(ascii: ".")) {
            guard isDigit(current) else { throw Declined() }
            while isDigit(current) {
                digit(&number, current)
                number.fractionDigits += 1
                index += 1
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            number.hasExponent = true
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw Declined() }
            while isDigit(current) { index += 1 }
        }
        number.range = number.range.lowerBound..<index
        return number
    }

    /// Steps over a value of a field nobody reads, checking that it is JSON.
    /// Only ASCII strings are vouched for (JSONDecoder may not check the
    /// UTF-8 of what it skips; declining leaves that to it).
    mutating func skipValue(depth: Int) throws(Declined) {
        guard depth < Self.maxDepth else { throw Declined() }
        switch current {
        case UInt8(ascii: "\""):
            guard try stringToken().isASCII else { throw Declined() }
        case UInt8(ascii: "{"):
            index += 1
            guard !consume(UInt8(ascii: "}")) else { return }
            repeat {
                skipSpace()
                guard try stringToken().isASCII else { throw Declined() }
                try expect(UInt8(ascii: ":"))
                skipSpace()
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            index += 1
            guard !consume(UInt8(ascii: "]")) else { return }
            repeat {
                skipSpace()
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try numberToken()
        }
    }

    // MARK: Punctuation

    /// JSON's whitespace: space, tab, line feed, carriage return.
    mutating func skipSpace() {
        while true {
            switch current {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Whether `byte` comes next, after any whitespace (then read).
    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        return consumeByte(byte)
    }

    mutating func consumeByte(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws(Declined) {
        guard consume(byte) else { throw Declined() }
    }

    mutating func literal(_ word: StaticString) throws(Declined) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else {
            throw Declined()
        }
        index += count
    }
}
