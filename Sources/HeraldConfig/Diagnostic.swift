/// One problem in a config or project file, located as `FILE:LINE:COL`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Hashable, Sendable {
        /// The configuration is not loaded.
        case error
        /// Worth a look; the configuration loads all the same.
        case warning
    }

    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String
    /// An error (nothing is loaded) or a warning; an error unless said otherwise.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `FILE:LINE:COL: error: MESSAGE`, or `FILE:LINE:COL: warning: MESSAGE`.
    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// Every problem found while loading a configuration; nothing is loaded when there is one.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// In file order, then line, then column: the errors, and the warnings found beside them.
    public var diagnostics: [Diagnostic]

    /// The diagnostics that stopped the load.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Creates an error from its diagnostics.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
