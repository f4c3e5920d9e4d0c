import HeraldCore

/// The one-line summary `herald check` prints for a valid configuration.
public enum CheckSummary {
    /// `OK: 1 project, 4 milestones, 3 rules, 1 channel (config/herald.yaml)`, and `, 2 templates` when
    /// `templates_dir` has any.
    public static func line(for configuration: Configuration) -> String {
        let milestones = configuration.projects.reduce(0) { $0 + $1.milestones.count }
        var parts = [
            count(configuration.projects.count, "project"), count(milestones, "milestone"),
            count(configuration.rules.count, "rule"), count(configuration.channels.count, "channel"),
        ]
        let templates = configuration.templates.kinds.count
        if templates > 0 { parts.append(count(templates, "template")) }
        return "OK: \(parts.joined(separator: ", ")) (\(configuration.file))"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
