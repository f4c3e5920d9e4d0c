import HeraldCore

/// A configuration that loaded, with the warnings found on the way (`herald check` prints them).
public struct ConfigCheck: Sendable {
    /// The configuration, as ``ConfigLoader/load(path:environment:)`` returns it.
    public var configuration: Configuration
    /// In file order, then line, then column.
    public var warnings: [Diagnostic]

    /// Creates a check result.
    public init(configuration: Configuration, warnings: [Diagnostic]) {
        self.configuration = configuration
        self.warnings = warnings
    }
}
