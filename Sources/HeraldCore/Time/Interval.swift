import Foundation

/// A span of time as the config writes it: `4h`, `2d`, `1 business_day`, `3 business_days`.
public enum Interval: Hashable, Sendable, CustomStringConvertible {
    case minutes(Int)
    case hours(Int)
    case days(Int)
    case businessDays(Int)

    /// Parses `30m`, `4h`, `2d`, `1 business_day`, `3 business_days` (also `1 day`, `2 hours`).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber }
        guard let count = Int(digits), count > 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "m", "min", "mins", "minute", "minutes": self = .minutes(count)
        case "h", "hour", "hours": self = .hours(count)
        case "d", "day", "days": self = .days(count)
        case "business_day", "business_days", "bd": self = .businessDays(count)
        default: return nil
        }
    }

    /// Whether it counts whole days (`2d`, `1 business_day`): such repeats fall in working time, not at the
    /// wall-clock time they were counted from (see `BusinessCalendar.workingTime(_:after:at:)`).
    public var countsDays: Bool {
        switch self {
        case .minutes, .hours: return false
        case .days, .businessDays: return true
        }
    }

    /// The config spelling.
    public var description: String {
        switch self {
        case .minutes(let n): return "\(n)m"
        case .hours(let n): return "\(n)h"
        case .days(let n): return "\(n)d"
        case .businessDays(let n): return n == 1 ? "1 business_day" : "\(n) business_days"
        }
    }
}
