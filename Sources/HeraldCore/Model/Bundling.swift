import Foundation

/// `bundling:`: how messages to the same people on one channel are gathered into one, and how many a person gets
/// in a day.
public struct Bundling: Hashable, Sendable {
    /// Two minutes.
    public static let defaultWindow: TimeInterval = 120

    /// Messages released within this long of the first of them go as one; 0 sends each on its own.
    public var window: TimeInterval
    /// How many messages anyone gets in their day before the rest fold into one summary (a person's own
    /// `max_per_day` wins); nil for no limit.
    public var maxPerDay: Int?

    /// Creates the settings; the defaults bundle within two minutes and set no daily limit.
    public init(window: TimeInterval = Bundling.defaultWindow, maxPerDay: Int? = nil) {
        self.window = window
        self.maxPerDay = maxPerDay
    }
}
