import Foundation
import HeraldCore

/// Reads `templates_dir`: one Mustache template per message kind, named after it (`digest.mustache`). Other files
/// are ignored; a `.mustache` file named after no kind, or one Mustache cannot parse, is a config error located in
/// that file.
extension ConfigLoader {
    /// The templates in the configuration's `templates_dir`; none when it has no such directory.
    static func loadTemplates(in configuration: Configuration, sink: DiagnosticSink) -> MessageTemplates {
        var templates = MessageTemplates()
        guard let directory = configuration.templatesDirectory else { return templates }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            sink.error("cannot read templates_dir \(directory)", file: configuration.file, at: nil)
            return templates
        }
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
            guard let source = read(URL(fileURLWithPath: directory).appendingPathComponent(name).path, sink: sink,
                                    shownAs: file)
            else { continue }
            do {
                try templates.add(source, for: kind)
            } catch {
                sink.error("invalid template: \(error.message)", file: file, line: error.line, column: error.column)
            }
        }
        return templates
    }
}
