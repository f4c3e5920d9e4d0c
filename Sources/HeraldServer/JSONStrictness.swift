/// What `JSONSerialization` lets pass in a JSON text it parsed: a key given twice in one object (it silently keeps
/// one of them) and a NUL character in a string (which a C string, a log line or SQLite's text would cut short).
enum JSONStrictness {
    /// A problem found, in words for a 400.
    enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The key given twice in one object.
        case duplicateKey(String)
        /// A string holding U+0000.
        case nul

        var description: String {
            switch self {
            case .duplicateKey(let key): "field '\(key)' is given twice"
            case .nul: "a string in the body holds a NUL character (\\u0000)"
            }
        }
    }

    /// The first problem in `bytes`, which must be valid JSON; nil when there is none. Keys are compared after
    /// their escapes are decoded, so `"a"` and `"\u0061"` are the same key.
    static func problem(in bytes: [UInt8]) -> Problem? {
        var objects: [Set<String>?] = []
        var expectingKey = false
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                objects.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                objects.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                objects.removeLast()
            case UInt8(ascii: ","):
                expectingKey = objects.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let (text, end) = string(in: bytes, from: index + 1)
                guard !text.unicodeScalars.contains("\0") else { return .nul }
                if expectingKey, var keys = objects.last ?? nil {
                    guard keys.insert(text).inserted else { return .duplicateKey(text) }
                    objects[objects.count - 1] = keys
                    expectingKey = false
                }
                index = end
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The decoded string whose text starts at `start`, and the index of its closing quote.
    private static func string(in bytes: [UInt8], from start: Int) -> (String, Int) {
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        var pendingHigh: UInt32?
        var index = start
        func flushRaw() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                raw.append(bytes[index])
                index += 1
                continue
            }
            flushRaw()
            let escape = bytes[index + 1]
            guard escape == UInt8(ascii: "u"), index + 5 < bytes.count,
                  let unit = UInt32(String(decoding: bytes[(index + 2)...(index + 5)], as: UTF8.self), radix: 16)
            else {
                let simple: [UInt8: Unicode.Scalar] = [
                    UInt8(ascii: "b"): "\u{8}", UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n",
                    UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
                ]
                scalars.append(simple[escape] ?? Unicode.Scalar(escape))
                index += 2
                continue
            }
            index += 6
            if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
                pendingHigh = nil
                scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)) ?? "\u{FFFD}")
            } else if (0xD800...0xDBFF).contains(unit) {
                pendingHigh = unit
            } else {
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            }
        }
        flushRaw()
        return (String(scalars), index)
    }
}
