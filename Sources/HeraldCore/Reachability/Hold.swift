import Foundation

/// A message kept back until the people it names, and its channel, may be disturbed.
public struct Hold: Hashable, Sendable {
    /// When it may go.
    public var until: Date
    /// Why it waits, in words: `quiet hours for alice (19:00-08:00 America/New_York) until Mon 30 Nov 09:00
    /// America/New_York`.
    public var reason: String

    /// Creates a hold.
    public init(until: Date, reason: String) {
        self.until = until
        self.reason = reason
    }
}
