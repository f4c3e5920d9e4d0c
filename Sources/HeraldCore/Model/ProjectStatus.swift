/// Whether a project is running (`status:` in its project file).
public enum ProjectStatus: String, CaseIterable, Hashable, Sendable, SpokenStatus {
    /// The default: every rule applies.
    case active
    /// Paused: the project sends nothing but digests.
    case onHold = "on_hold"
}
