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
        guard let text = read(path, sink: sink) else { throw ConfigError(diagnostics: sink.sorted) }
        guard let root = context.parse(text), let (main, references) = MainFileReader(context: context).read(root)
        else { throw ConfigError(diagnostics: sink.sorted) }
        var configuration = main
        let dependencies = DependencyItems()
        configuration.projects = loadProjects(
            in: configuration, references: references, dependencies: dependencies, sink: sink,
            environment: environment
        )
        checkDependencies(of: configuration.projects, items: dependencies, sink: sink)
        MainFileReader(context: context).checkDigestProjects(root, known: Set(configuration.projects.map(\.id)))
        configuration.templates = loadTemplates(in: configuration, sink: sink)
        if sink.hasErrors { throw ConfigError(diagnostics: sink.sorted) }
        return ConfigCheck(configuration: configuration, warnings: sink.sorted)
    }

    /// Reads each `*.yaml`/`*.yml` file in the projects directory, sorted by name.
    private static func loadProjects(
        in configuration: Configuration, references: References, dependencies: DependencyItems,
        sink: DiagnosticSink, environment: [String: String]
    ) -> [Project] {
        let directory = configuration.projectsDirectory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            sink.error("cannot read projects_dir \(directory)", file: configuration.file, at: nil)
            return []
        }
        var projects: [Project] = []
        var seen: [String: String] = [:]
        for name in names {
            let file = displayPath(directory: directory, name: name, relativeTo: configuration.file)
            let context = YAMLContext(file: file, sink: sink, environment: environment, baseDirectory: directory)
            guard let text = read(URL(fileURLWithPath: directory).appendingPathComponent(name).path, sink: sink,
                                  shownAs: file),
                  let root = context.parse(text),
                  let project = ProjectFileReader(
                      context: context, calendar: configuration.calendar, references: references,
                      dependencies: dependencies
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

    static func read(_ path: String, sink: DiagnosticSink, shownAs: String? = nil) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error("cannot read file", file: shownAs ?? path, at: nil)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error("file is not UTF-8", file: shownAs ?? path, at: nil)
            return nil
        }
        return text
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
