import Yams

/// Collects the diagnostics of one load, so every problem is reported, not just the first.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    /// Records an error at `mark` in `file` (line 1, column 1 when the position is unknown).
    func error(_ message: String, file: String, at mark: Mark?, columnOffset: Int = 0) {
        error(message, file: file, line: mark?.line ?? 1, column: (mark?.column ?? 1) + columnOffset)
    }

    /// Records an error at `line` and `column` (1-based) in a file that is not YAML (a template).
    func error(_ message: String, file: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Records a warning at `mark` in `file`: a problem that does not stop the load.
    func warning(_ message: String, file: String, at mark: Mark?) {
        diagnostics.append(Diagnostic(
            file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, severity: .warning
        ))
    }

    /// True when an error (not only warnings) was recorded.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records a YAML syntax error thrown by Yams while parsing `text`.
    func yamlError(_ error: Error, file: String, text: String) {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                self.error("invalid YAML: nested more than 1000 levels deep", file: file, at: mark)
                return
            }
            let prefix = context.map { "\($0.text) " } ?? ""
            let hint = YAMLHints.flowVariable(in: text, at: mark, problem: prefix + problem)
            self.error("invalid YAML: \(prefix)\(problem)\(hint)", file: file, at: mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            for key in duplicates {
                let (line, column) = YAMLHints.repetition(of: key, in: text, after: context.mark)
                self.error("duplicate key '\(key)' (first given at line \(context.mark.line))", file: file,
                           line: line, column: column)
            }
        default:
            self.error("invalid YAML: \(error)", file: file, at: nil)
        }
    }

    /// The diagnostics sorted by file, line and column.
    var sorted: [Diagnostic] {
        diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}
