import Foundation
import HeraldTestSupport
import Testing

/// A copy of the repository's example configuration (`config/herald.yaml` and its project files) in a temporary
/// directory, its store moved there too (`state/`), so tests never read or write the repository's `data/`.
struct ExampleConfig {
    let directory: TemporaryDirectory
    var configPath: String { directory.path + "/herald.yaml" }
    var stateDirectory: String { directory.path + "/state" }

    /// The repository's `config/` directory.
    static let source = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config")

    /// Copies the example; with `receiverURL`, each `console` channel becomes a webhook to `receiverURL/NAME` (its
    /// other settings kept). Each of `edits` replaces a piece of the main file's text, which must be there.
    init(receiverURL: String? = nil, edits: [(String, String)] = []) throws {
        directory = try TemporaryDirectory(prefix: "herald-example")
        let projects = Self.source.appendingPathComponent("projects")
        for name in try FileManager.default.contentsOfDirectory(atPath: projects.path) {
            try directory.write("projects/" + name, try String(contentsOf: projects.appendingPathComponent(name),
                                                              encoding: .utf8))
        }
        var text = try String(contentsOf: Self.source.appendingPathComponent("herald.yaml"), encoding: .utf8)
        let stateLine = try #require(text.firstRange(of: #/(?m)^state_dir: \S+/#), "the example sets state_dir")
        text.replaceSubrange(stateLine, with: "state_dir: state")
        if let receiverURL {
            let consoles = #/(?m)^  ([a-z][a-z0-9_-]*): \{ type: console/#
            try #require(text.contains(consoles), "the example has a console channel")
            text.replace(consoles) { "  \($0.1): { type: webhook, url: \"\(receiverURL)/\($0.1)\"" }
        }
        for (old, new) in edits {
            try #require(text.contains(old), "the example has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try directory.write("herald.yaml", text)
    }
}
