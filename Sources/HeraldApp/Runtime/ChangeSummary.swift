import HeraldCore

/// What one apply changed, as one line per project for the info log, so a file of 20,000 new milestones logs one
/// line, not 20,000: `apollo: 20000 milestones created, 3 changed, 1 removed`. (Each change is logged at debug.)
enum ChangeSummary {
    private static let verbs: [(MilestoneChange.Kind, String)] = [
        (.created, "created"), (.updated, "changed"), (.removed, "removed"),
    ]

    /// One line per project, in the order the changes name them; kinds without changes are left out.
    static func lines(_ changes: [MilestoneChange]) -> [String] {
        var order: [String] = []
        var counts: [String: [MilestoneChange.Kind: Int]] = [:]
        for change in changes {
            if counts[change.projectID] == nil { order.append(change.projectID) }
            counts[change.projectID, default: [:]][change.kind, default: 0] += 1
        }
        return order.map { project in
            let parts = verbs.compactMap { kind, verb in counts[project]?[kind].map { (count: $0, verb: verb) } }
            let phrases = parts.enumerated().map { index, part in
                index > 0 ? "\(part.count) \(part.verb)"
                    : "\(part.count) \(part.count == 1 ? "milestone" : "milestones") \(part.verb)"
            }
            return "\(project): " + phrases.joined(separator: ", ")
        }
    }
}
