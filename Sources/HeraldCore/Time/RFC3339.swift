import Foundation

/// Reads RFC 3339 date-times strictly, the one reader for every date-time Herald is given: a project file's `due`,
/// the API's `due`, `--from`, `--at` and `--since`.
///
/// `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (`.250`, any number of digits), then `Z` or an offset
/// `±HH:MM`; `T` and `Z` may be lower case. The date must exist, hours are 00-23, minutes and seconds 00-59, and an
/// offset's hours 00-23 and minutes 00-59, so `+25:00` and `+05:99` are refused rather than read as something else.
public enum RFC3339 {
    /// The instant `text` names; nil unless it is exactly such a date-time.
    public static func instant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CivilDate(iso: text.prefix(10)), "Tt".utf8.contains(bytes[10]),
              let hour = number(bytes, 11), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14),
              bytes[16] == UInt8(ascii: ":"), let second = number(bytes, 17), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            let digits = bytes[(index + 1)...].prefix { isDigit($0) }
            guard !digits.isEmpty, let value = Double("0." + String(decoding: digits, as: UTF8.self)) else {
                return nil
            }
            fraction = value
            index += 1 + digits.count
        }
        guard let offset = offsetSeconds(bytes[index...]) else { return nil }
        let seconds = date.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `Z` (0) or `±HH:MM` in seconds east of UTC; nil for anything else, trailing text included.
    private static func offsetSeconds(_ rest: ArraySlice<UInt8>) -> Int? {
        let rest = Array(rest)
        if rest.count == 1, "Zz".utf8.contains(rest[0]) { return 0 }
        guard rest.count == 6, "+-".utf8.contains(rest[0]), rest[3] == UInt8(ascii: ":"),
              let hours = number(rest, 1), let minutes = number(rest, 4), hours < 24, minutes < 60
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return rest[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// The two digits at `index`.
    private static func number(_ bytes: [UInt8], _ index: Int) -> Int? {
        guard index + 1 < bytes.count, isDigit(bytes[index]), isDigit(bytes[index + 1]) else { return nil }
        return Int(bytes[index] - UInt8(ascii: "0")) * 10 + Int(bytes[index + 1] - UInt8(ascii: "0"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
