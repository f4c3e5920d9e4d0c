/// One problem in a config or project file, located as `FILE:LINE:COL`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: error: MESSAGE`.
    public var description: String {
        "\(file):\(line):\(column): error: \(message)"
    }
}

/// Every problem found while loading a configuration; nothing is loaded when there is one.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// In file order, then line, then column.
    public var diagnostics: [Diagnostic]

    /// Creates an error from its diagnostics.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
