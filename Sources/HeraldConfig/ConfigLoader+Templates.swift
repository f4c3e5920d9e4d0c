import Foundation
import HeraldCore
import Yams

/// Reads `templates_dir`: one Mustache template per message kind, named after it (`digest.mustache`). Other files
/// are ignored; a `.mustache` file named after no kind, one Mustache cannot parse, a name its kind's messages have
/// no value for, or a symbolic link resolving to a file outside the directory is a config error located in that
/// file.
extension ConfigLoader {
    /// The templates in the configuration's `templates_dir`; none when it has no such directory. `key` is the
    /// `templates_dir` key that an unreadable directory is reported at.
    static func loadTemplates(in configuration: Configuration, sink: DiagnosticSink, key: Node?) -> MessageTemplates {
        var templates = MessageTemplates()
        guard let directory = configuration.templatesDirectory else { return templates }
        let names: [String]
        switch FileReader.entries(ofDirectory: directory) {
        case .success(let entries):
            names = entries.filter { $0.hasSuffix(".mustache") }.sorted()
        case .failure(let failure):
            sink.error("cannot read templates_dir \(directory): \(failure.reason)", file: configuration.file,
                       at: key?.mark)
            return templates
        }
        let root = FileReader.resolved(directory) ?? directory
        let kinds = MessageKind.allCases.map(\.rawValue)
        for name in names {
            let file = displayPath(directory: directory, name: name, relativeTo: configuration.file)
            let stem = String(name.dropLast(".mustache".count))
            guard let kind = MessageKind(rawValue: stem) else {
                let hint = Suggestion.closest(to: stem, in: kinds).map { "; did you mean '\($0).mustache'?" } ?? ""
                sink.error(
                    "unknown template '\(name)': a template is named after a message kind "
                        + "(\(kinds.joined(separator: ", ")))\(hint)",
                    file: file, at: nil
                )
                continue
            }
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if let target = FileReader.resolved(path), !target.hasPrefix(root + "/") {
                sink.error("a template must be a file inside templates_dir, but this one links to \(target)",
                           file: file, at: nil)
                continue
            }
            guard let source = read(path, limit: Self.templateLimit, limitName: "a template's limit", sink: sink,
                                    shownAs: file)
            else { continue }
            do {
                try templates.add(source, for: kind)
            } catch {
                sink.error("invalid template: \(error.message)", file: file, line: error.line, column: error.column)
                continue
            }
            for error in MessageTemplates.undefinedVariables(in: source, of: kind) {
                sink.error(error.message, file: file, line: error.line, column: error.column)
            }
        }
        return templates
    }

    /// The largest template read, in bytes.
    private static let templateLimit = 1_048_576
}
