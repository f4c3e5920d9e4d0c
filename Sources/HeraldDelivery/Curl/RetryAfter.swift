import Foundation

/// Parses the HTTP `Retry-After` header (RFC 9110 §10.2.3): delay seconds, or an HTTP-date.
public enum RetryAfter {
    /// The longest wait a receiver can impose, however it asks (`Retry-After`, `retry_after`, a spent quota's
    /// `X-RateLimit-Reset-After` or `X-RateLimit-Reset`): two hours.
    public static let longestWait: Double = 7200

    /// `seconds` as a wait a receiver may impose: at least 0 and at most ``longestWait`` (an infinite or huge
    /// number too); nil for NaN.
    public static func bounded(_ seconds: Double) -> Double? {
        seconds.isNaN ? nil : min(max(seconds, 0), longestWait)
    }

    /// The wait the header asks for, in seconds from `now` (never negative), or nil when it is malformed.
    ///
    /// Accepts delay seconds (`120`) and the three HTTP-date forms: IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and
    /// asctime (`Sun Nov  6 08:49:37 1994`).
    public static func seconds(from value: String, now: Date) -> Double? {
        let text = value.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return text.count > 12 ? nil : Double(text)
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// The wait a JSON answer body asks for in its top-level `retry_after` (seconds, possibly fractional, as
    /// Discord sends on 429), or nil when the body is not such a JSON object or the value is not a
    /// non-negative number.
    public static func seconds(fromJSONBody body: [UInt8]) -> Double? {
        guard body.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }) == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let number = object["retry_after"] as? NSNumber
        else { return nil }
        let seconds = number.doubleValue
        return seconds.isFinite && seconds >= 0 ? seconds : nil
    }

    /// Parses an HTTP-date in any of its three forms.
    public static func httpDate(_ text: String) -> Date? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let year: Int, month: Int, day: Int, time: String
        if fields.count == 6, fields[5] == "GMT" {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            guard let d = Int(fields[1]), let m = monthNumber(fields[2]), let y = Int(fields[3]) else { return nil }
            (year, month, day, time) = (y, m, d, fields[4])
        } else if fields.count == 4, fields[3] == "GMT" {
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let parts = fields[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let d = Int(parts[0]), let m = monthNumber(parts[1]), let yy = Int(parts[2]),
                parts[2].count == 2
            else { return nil }
            (year, month, day, time) = (yy < 70 ? 2000 + yy : 1900 + yy, m, d, fields[2])
        } else if fields.count == 5 {
            // asctime: Sun Nov  6 08:49:37 1994
            guard let m = monthNumber(fields[1]), let d = Int(fields[2]), let y = Int(fields[4]) else { return nil }
            (year, month, day, time) = (y, m, d, fields[3])
        } else {
            return nil
        }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            (0...60).contains(clock[2]), (1...9999).contains(year)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
