import Foundation

/// The history a digest compares against, by milestone, in the order it was recorded.
struct DigestHistory {
    private var entries: [MilestoneKey: [HistoryEntry]] = [:]

    /// Groups `entries` (already limited to the digest's projects and period) by milestone.
    init(_ recorded: [HistoryEntry]) {
        for entry in recorded {
            entries[MilestoneKey(projectID: entry.projectID, milestoneID: entry.milestoneID), default: []]
                .append(entry)
        }
        isEmpty = recorded.isEmpty
    }

    /// True when nothing at all was recorded in the period.
    let isEmpty: Bool

    /// When the milestone's status last changed to done in the period; nil when it did not. A milestone first seen
    /// already done does not count: when it was completed is not known.
    func completedAt(_ key: MilestoneKey) -> Date? {
        entries[key]?.last { entry in
            entry.change.field == "status" && entry.change.oldValue != nil
                && entry.change.newValue == MilestoneStatus.done.rawValue
        }?.at
    }

    /// The due date the milestone had when the period began: the old value of its first `due` change in the
    /// period, or the date it was created with when it was created in the period; nil when `due` did not change.
    func dueAtStart(_ key: MilestoneKey) -> CivilDate? {
        guard let first = entries[key]?.first(where: { $0.change.field == "due" }) else { return nil }
        return (first.change.oldValue ?? first.change.newValue).flatMap(CivilDate.init(iso:))
    }

    /// The latest `note` recorded for the milestone in the period.
    func note(_ key: MilestoneKey) -> String? {
        entries[key]?.last { $0.change.field == "note" }?.change.newValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}
