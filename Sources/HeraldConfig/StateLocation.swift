import Foundation
import HeraldCore
import Yams

/// Where the store is and how to show times and people: all that the state-reading commands (`log`,
/// `deliveries`, `replay`, `channels enable`, `history`) need from the config.
public struct StateLocation: Sendable {
    /// Absolute path of the state directory.
    public var stateDirectory: String
    public var timeZone: TimeZone
    /// Each person's display name by key (`alice` → `Alice Ng`), the key itself when no `name` is given.
    public var personNames: [String: String]
}

extension ConfigLoader {
    /// Reads only `state_dir`, `timezone` and people's names from the main file, so reading state does not need the
    /// daemon's secrets in the environment. (`herald check` validates the whole configuration.)
    public static func stateLocation(path: String, environment: [String: String]) throws(ConfigError) -> StateLocation {
        let sink = DiagnosticSink()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let context = YAMLContext(
            file: path, sink: sink, environment: environment,
            baseDirectory: absolute.deletingLastPathComponent().path
        )
        guard let text = read(path, limit: InputLimits.mainFileSize, limitName: "the main file's limit", sink: sink)
        else { throw ConfigError(diagnostics: sink.sorted) }
        let root = context.parse(text)
        let stateDirectory = root?.value(forKey: "state_dir").flatMap { context.string($0, "'state_dir'") } ?? "data"
        var zone = TimeZone(identifier: "UTC")!
        if let node = root?.value(forKey: "timezone"), let name = context.string(node, "'timezone'") {
            if let parsed = TimeZone(identifier: name) {
                zone = parsed
            } else {
                context.error("unknown time zone '\(name)'", at: node)
            }
        }
        // Names are for display only: a malformed `people` section is `herald check`'s to report, not a reason to
        // refuse reading the state.
        var names: [String: String] = [:]
        if case .mapping(let people)? = root?.value(forKey: "people") {
            for (key, value) in people {
                guard let key = key.scalar?.string else { continue }
                names[key] = value.value(forKey: "name")?.scalar?.string ?? key
            }
        }
        if !sink.diagnostics.isEmpty { throw ConfigError(diagnostics: sink.sorted) }
        return StateLocation(stateDirectory: context.path(stateDirectory), timeZone: zone, personNames: names)
    }
}
