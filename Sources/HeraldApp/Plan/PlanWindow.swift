import Foundation
import HeraldCore

/// The span `herald plan` simulates: `[from, until)`.
public struct PlanWindow: Hashable, Sendable {
    /// The first instant simulated: the project files are applied and the rules evaluated then.
    public var from: Date
    /// The end, excluded: a message released at or after it is not in the plan.
    public var until: Date

    /// Creates a window.
    public init(from: Date, until: Date) {
        self.from = from
        self.until = until
    }

    /// Reads `--from` and `--horizon`.
    ///
    /// - Parameters:
    ///   - from: A date (`2026-11-30`: its midnight in the calendar's zone), an RFC 3339 date-time
    ///     (`2026-11-30T09:00:00Z`, `2026-11-30T09:00:00+01:00`) or a local one (`2026-11-30T09:00`); nil for `now`.
    ///   - horizon: `30d`, `2w`, `12h`, `90m`, `5 business_days`: days and business days keep the wall time.
    /// - Throws: `PlanOptionError` naming the option that cannot be read.
    public init(from: String?, horizon: String, now: Date, calendar: BusinessCalendar) throws(PlanOptionError) {
        let start: Date
        if let from {
            guard let parsed = InstantArgument.instant(from, calendar: calendar) else {
                throw PlanOptionError(.from(from))
            }
            start = parsed
        } else {
            start = now
        }
        guard let span = Self.interval(horizon) else { throw PlanOptionError(.horizon(horizon)) }
        self.init(from: start, until: calendar.adding(span, to: start))
    }

    /// The config's interval spellings, plus weeks (`2w`).
    private static func interval(_ text: String) -> Interval? {
        if text.hasSuffix("w") {
            guard let weeks = Int(text.dropLast()), weeks > 0 else { return nil }
            return .days(weeks * 7)
        }
        return Interval(parsing: text)
    }
}

/// A `herald plan` option that cannot be read; its description names the option and the accepted forms.
public struct PlanOptionError: Error, CustomStringConvertible {
    private let problem: Problem

    fileprivate init(_ problem: Problem) {
        self.problem = problem
    }

    fileprivate enum Problem {
        case from(String)
        case horizon(String)
    }

    public var description: String {
        switch problem {
        case .from(let text):
            return "--from: '\(text)' is not a date (2026-11-30) or an RFC 3339 date-time (2026-11-30T09:00:00Z, "
                + "2026-11-30T09:00:00.5+01:00, or local 2026-11-30T09:00)"
        case .horizon(let text):
            return "--horizon: '\(text)' is not a positive span such as 30d, 2w, 12h, 90m or 5 business_days"
        }
    }
}
