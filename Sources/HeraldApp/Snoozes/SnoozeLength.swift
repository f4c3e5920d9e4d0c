import HeraldCore

/// How long a snooze asked for on the command line (or later the API) lasts.
public enum SnoozeLength: Hashable, Sendable {
    /// Until the start of the date in the config's zone.
    case untilDate(CivilDate)
    /// Until the milestone's due date changes.
    case untilDueChange
}
