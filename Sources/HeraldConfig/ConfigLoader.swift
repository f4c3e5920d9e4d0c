import Foundation
import HeraldCore
import Yams

/// Loads the main config file and every project file into a validated `Configuration`.
///
/// All problems in all files are collected and thrown together as a `ConfigError`; a partial
/// configuration is never returned.
public enum ConfigLoader {
    /// Loads `path` (the main file) and the project files it points at.
    /// - Parameter environment: the variables `${VAR}` expands from.
    public static func load(path: String, environment: [String: String]) throws(ConfigError) -> Configuration {
        try check(path: path, environment: environment).configuration
    }

    /// Loads as ``load(path:environment:)`` does, and returns the warnings too: what `herald check` prints.
    public static func check(path: String, environment: [String: String]) throws(ConfigError) -> ConfigCheck {
        let sink = DiagnosticSink()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let context = YAMLContext(
            file: path, sink: sink, environment: environment,
            baseDirectory: absolute.deletingLastPathComponent().path
        )
        guard let text = read(path, limit: InputLimits.mainFileSize, limitName: "the main file's limit", sink: sink)
        else {
            throw ConfigError(diagnostics: sink.sorted)
        }
        guard let root = context.parse(text), let (main, references) = MainFileReader(context: context).read(root)
        else { throw ConfigError(diagnostics: sink.sorted) }
        var configuration = main
        let dependencies = DependencyItems()
        configuration.projects = loadProjects(
            in: configuration, references: references, dependencies: dependencies, sink: sink,
            environment: environment, key: root.key(named: "projects_dir")
        )
        checkDependencies(of: configuration.projects, items: dependencies, sink: sink)
        MainFileReader(context: context).checkDigestProjects(root, known: Set(configuration.projects.map(\.id)))
        configuration.templates = loadTemplates(in: configuration, sink: sink, key: root.key(named: "templates_dir"))
        if sink.hasErrors { throw ConfigError(diagnostics: sink.sorted) }
        return ConfigCheck(configuration: configuration, warnings: sink.sorted)
    }

    /// Reads each `*.yaml`/`*.yml` file in the projects directory, sorted by name; `key` is the `projects_dir` key
    /// that an unreadable directory is reported at.
    private static func loadProjects(
        in configuration: Configuration, references: References, dependencies: DependencyItems,
        sink: DiagnosticSink, environment: [String: String], key: Node?
    ) -> [Project] {
        let directory = configuration.projectsDirectory
        let names: [String]
        switch FileReader.entries(ofDirectory: directory) {
        case .success(let entries):
            names = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        case .failure(let failure):
            sink.error("cannot read projects_dir \(directory): \(failure.reason)", file: configuration.file,
                       at: key?.mark)
            return []
        }
        var projects: [Project] = []
        var seen: [String: String] = [:]
        for name in names {
            let file = displayPath(directory: directory, name: name, relativeTo: configuration.file)
            let context = YAMLContext(file: file, sink: sink, environment: environment, baseDirectory: directory)
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let text = read(path, limit: configuration.limits.projectFileSize,
                                  limitName: "limits.project_file_size", sink: sink, shownAs: file),
                  let root = context.parse(text),
                  let project = ProjectFileReader(
                      context: context, calendar: configuration.calendar, references: references,
                      limits: configuration.limits, dependencies: dependencies
                  ).read(root)
            else { continue }
            if let other = seen[project.id] {
                context.error("project '\(project.id)' is already defined in \(other)", at: root)
                continue
            }
            seen[project.id] = file
            projects.append(project)
        }
        return projects.sorted { $0.id < $1.id }
    }

    /// The text of a file of at most `limit` bytes; nil, reported with the reason, when it cannot be read.
    static func read(
        _ path: String, limit: Int, limitName: String, sink: DiagnosticSink, shownAs: String? = nil
    ) -> String? {
        switch FileReader.text(atPath: path, limit: limit, limitName: limitName) {
        case .success(let text):
            return text
        case .failure(let failure):
            sink.error("cannot read file: \(failure.reason)", file: shownAs ?? path, at: nil)
            return nil
        }
    }

    /// A project file's path as the user would write it: relative to the main file's directory when inside it.
    static func displayPath(directory: String, name: String, relativeTo mainFile: String) -> String {
        let full = URL(fileURLWithPath: directory).appendingPathComponent(name).standardizedFileURL.path
        let mainDirectory = URL(fileURLWithPath: mainFile).standardizedFileURL.deletingLastPathComponent().path
        let relativeMain = (mainFile as NSString).deletingLastPathComponent
        guard full.hasPrefix(mainDirectory + "/") else { return full }
        let tail = String(full.dropFirst(mainDirectory.count + 1))
        return relativeMain.isEmpty ? tail : "\(relativeMain)/\(tail)"
    }
}
