import Foundation
import HeraldCore
import Yams

/// Where the store is and how to show times: all that the state-reading commands (`log`,
/// `deliveries`, `replay`, `channels enable`) need from the config.
public struct StateLocation: Sendable {
    /// Absolute path of the state directory.
    public var stateDirectory: String
    public var timeZone: TimeZone
}

extension ConfigLoader {
    /// Reads only `state_dir` and `timezone` from the main file, so reading state does not need the
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
        if !sink.diagnostics.isEmpty { throw ConfigError(diagnostics: sink.sorted) }
        return StateLocation(stateDirectory: context.path(stateDirectory), timeZone: zone)
    }
}
