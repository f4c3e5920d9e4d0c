import HeraldCore

/// The one-line summary `herald check` prints for a valid configuration.
public enum CheckSummary {
    /// `OK: 1 project, 4 milestones, 3 rules, 1 channel (config/herald.yaml)`.
    public static func line(for configuration: Configuration) -> String {
        let milestones = configuration.projects.reduce(0) { $0 + $1.milestones.count }
        let parts = [
            count(configuration.projects.count, "project"), count(milestones, "milestone"),
            count(configuration.rules.count, "rule"), count(configuration.channels.count, "channel"),
        ]
        return "OK: \(parts.joined(separator: ", ")) (\(configuration.file))"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
