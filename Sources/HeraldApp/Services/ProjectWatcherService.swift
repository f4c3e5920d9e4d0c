import Foundation
import Logging
import ServiceLifecycle

/// Polls the config file and the project directory; an edit reloads the configuration (validated
/// first) and applies the projects, recording each change in history. A project file missing for longer than
/// `projects_grace` has its milestones removed at the first poll after the grace.
struct ProjectWatcherService: Service {
    let runtime: HeraldRuntime
    let projectsDirectory: String
    let configFile: String
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var last = fingerprint()
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                let current = fingerprint()
                guard current != last else {
                    do {
                        try await runtime.applyProjectsIfGraceEnded()
                    } catch {
                        logger.error("cannot apply the project files", metadata: ["error": "\(error)"])
                    }
                    continue
                }
                last = current
                logger.info("project or config files changed; reloading")
                await runtime.reload(reason: "files changed")
            }
        }
    }

    /// Names, sizes and modification times of the watched files.
    private func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: projectsDirectory)) ?? []
        let paths = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { URL(fileURLWithPath: projectsDirectory).appendingPathComponent($0).path } + [configFile]
        for path in paths {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = "\(size)@\(modified)"
        }
        return result
    }
}
