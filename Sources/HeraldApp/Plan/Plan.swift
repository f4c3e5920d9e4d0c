import Foundation
import HeraldCore

/// What `herald plan` found: every message the configuration would send in the window, and the warnings.
public struct Plan: Sendable {
    /// The span simulated.
    public var window: PlanWindow
    /// By send time, then decision order.
    public var entries: [PlanEntry]
    /// Problems in words: unreachable recipients, escalations too long for the time left, disabled channels.
    public var warnings: [String]

    /// Creates a plan.
    public init(window: PlanWindow, entries: [PlanEntry], warnings: [String]) {
        self.window = window
        self.entries = entries
        self.warnings = warnings
    }
}

/// One message the daemon would send, and when.
public struct PlanEntry: Hashable, Sendable {
    /// When it would go out: its delivery's release time (later than `decidedAt` when held).
    public var sendAt: Date
    /// The message as the rules decided it (`createdAt` is the decision time).
    public var message: OutgoingMessage

    /// Creates an entry.
    public init(sendAt: Date, message: OutgoingMessage) {
        self.sendAt = sendAt
        self.message = message
    }

    /// When the rules decided it.
    public var decidedAt: Date { message.createdAt }
}
