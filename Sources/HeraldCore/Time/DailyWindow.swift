import Foundation

/// A window of local time each day, `09:00-17:30`; it may wrap past midnight (`19:00-08:00`).
public struct DailyWindow: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight.
    public var start: Int
    public var end: Int

    /// Creates a window from minutes after midnight.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = DailyWindow.minutes(parts[0]), let end = DailyWindow.minutes(parts[1]),
              start != end else { return nil }
        self.init(start: start, end: end)
    }

    /// True when `minuteOfDay` lies inside the window.
    public func contains(minuteOfDay: Int) -> Bool {
        start < end ? (minuteOfDay >= start && minuteOfDay < end) : (minuteOfDay >= start || minuteOfDay < end)
    }

    public var description: String {
        "\(Self.clockTime(start))-\(Self.clockTime(end))"
    }

    /// `HH:MM` for minutes after midnight.
    static func clockTime(_ minuteOfDay: Int) -> String {
        let h = minuteOfDay / 60, mm = minuteOfDay % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }

    /// True when every minute of `other` lies inside this window.
    public func covers(_ other: DailyWindow) -> Bool {
        let length = (other.end - other.start + 1440) % 1440
        return (0..<length).allSatisfy { contains(minuteOfDay: (other.start + $0) % 1440) }
    }

    /// Parses `HH:MM` into minutes after midnight; nil for anything else.
    public static func minuteOfDay(parsing text: String) -> Int? {
        minutes(Substring(text))
    }

    /// Parses `HH:MM` into minutes after midnight.
    static func minutes(_ text: Substring) -> Int? {
        let hm = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }
}
