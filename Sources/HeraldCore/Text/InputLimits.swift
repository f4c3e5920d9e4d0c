/// How large the input Herald accepts may be: the main file's `limits:` section, with these defaults. Anything
/// larger is a config error at its place, never silently truncated.
public struct InputLimits: Hashable, Sendable {
    /// The largest main config file read, in bytes (fixed: it is read before its `limits:` are known).
    public static let mainFileSize = 1_048_576

    /// The largest project file read, in bytes (`project_file_size`, default 1 MiB).
    public var projectFileSize = 1_048_576
    /// The longest project or milestone id, in characters (`id_length`, default 64).
    public var idLength = 64
    /// The longest milestone title, in characters (`title_length`, default 300).
    public var titleLength = 300
    /// The longest other text: a project's name, a milestone's phase, each deliverable, each label's name and value
    /// (`text_length`, default 2,000 characters).
    public var textLength = 2_000
    /// The most items in one milestone's `deliverables`, `depends_on` or `labels` (`list_length`, default 100).
    public var listLength = 100

    /// The defaults.
    public init() {}
}
