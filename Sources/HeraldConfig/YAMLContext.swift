import Foundation
import HeraldCore
import Yams

/// Reads values out of one YAML file's nodes, reporting every problem to a shared sink with its position.
///
/// Scalars are read as text (no YAML implicit typing: `no` stays the string "no"); `${VAR}` is
/// expanded from the environment; `KEY_file` reads a secret from a file.
struct YAMLContext {
    let file: String
    let sink: DiagnosticSink
    let environment: [String: String]
    /// Directory that relative paths are resolved against.
    let baseDirectory: String

    /// Parses `text` into its root node, or reports the YAML error and returns nil.
    func parse(_ text: String) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                sink.error("file is empty", file: file, at: nil)
                return nil
            }
            return root
        } catch {
            sink.yamlError(error, file: file, text: text)
            return nil
        }
    }

    func error(_ message: String, at node: Node?, columnOffset: Int = 0) {
        sink.error(message, file: file, at: node?.mark, columnOffset: columnOffset)
    }

    /// The node as a mapping whose keys are all in `allowed`; unknown keys are reported.
    func mapping(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping", at: node)
            return nil
        }
        var fields = Fields(context: self, node: node)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("keys must be plain strings", at: key)
                continue
            }
            if allowed.contains(name) {
                fields.values[name] = (key, value)
            } else {
                let hint = Suggestion.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                error("unknown key '\(name)' in \(what)\(hint)", at: key)
            }
        }
        return fields
    }

    /// The node as a mapping of user-chosen names (people, channels...), in file order.
    func namedEntries(_ node: Node, _ what: String) -> [(name: String, key: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of names", at: node)
            return []
        }
        return mapping.compactMap { key, value in
            guard let name = key.scalar?.string, !name.isEmpty, !name.utf8.contains(0) else {
                error("\(what) names must be plain strings", at: key)
                return nil
            }
            return (name, key, value)
        }
    }

    /// The node as a sequence.
    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// The node as text with `${VAR}` expanded; a NUL character in it is an error (never truncated).
    func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a single value, not a \(node.isMapping ? "mapping" : "list")", at: node)
            return nil
        }
        guard let text = expand(scalar.string, at: node) else { return nil }
        guard !text.utf8.contains(0) else {
            error("\(what) contains a NUL character", at: node)
            return nil
        }
        return text
    }

    /// A scalar or a list of scalars, as a list.
    func stringList(_ node: Node, _ what: String) -> [(String, Node)] {
        if case .scalar = node {
            return string(node, what).map { [($0, node)] } ?? []
        }
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { item in string(item, "each item of \(what)").map { ($0, item) } }
    }

    /// Replaces `${NAME}` with the environment variable; an unset one is an error. `$$` is a literal `$`.
    func expand(_ text: String, at node: Node) -> String? {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        var ok = true
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                result += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                let name = String(after[after.index(after: after.startIndex)..<close])
                if let value = environment[name] {
                    result += value
                } else {
                    let offset = text.distance(from: text.startIndex, to: dollar) + (quoted ? 1 : 0)
                    error("environment variable \(name) is not set", at: node, columnOffset: offset)
                    ok = false
                }
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        result += rest
        return ok ? result : nil
    }

    /// Reports a reference to an undeclared name, with a suggestion when one is close; true when declared.
    func check(_ name: String, at node: Node, known: Set<String>, kind: String) -> Bool {
        guard !known.contains(name) else { return true }
        let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
        error("unknown \(kind) '\(name)'\(hint)", at: node)
        return false
    }

    /// Resolves a path relative to the file's directory.
    func path(_ value: String) -> String {
        value.hasPrefix("/") ? value : URL(fileURLWithPath: baseDirectory).appendingPathComponent(value)
            .standardizedFileURL.path
    }
}

extension Node {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    /// The key node `key` in a mapping node, to report a problem with its value's use at the key.
    func key(named key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.key
    }

    /// The value under `key` in a mapping node, without validating anything.
    func value(forKey key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.value
    }
}

/// The keys of one mapping, read by name.
struct Fields {
    let context: YAMLContext
    /// The mapping node itself, for "missing key" errors.
    let node: Node
    var values: [String: (key: Node, value: Node)] = [:]

    subscript(_ key: String) -> Node? { values[key]?.value }

    /// The text of `key`; reports it when required and missing.
    func string(_ key: String, required: Bool = false, in what: String) -> String? {
        guard let value = self[key] else {
            if required { context.error("\(what) is missing '\(key)'", at: node) }
            return nil
        }
        return context.string(value, "'\(key)'")
    }

    /// `true` or `false`.
    func bool(_ key: String) -> Bool? {
        guard let value = self[key], let text = context.string(value, "'\(key)'") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            context.error("'\(key)' must be true or false, not '\(text)'", at: value)
            return nil
        }
    }

    /// A secret given inline as `key` or read from the file named by `key_file`; an empty one is an error.
    func secret(_ key: String, in what: String, required: Bool) -> Secret? {
        secretText(key, in: what, required: required).flatMap { Secret($0.text) }
    }

    /// The text of a secret given inline as `key` or read from the file named by `key_file` (trimmed), with the
    /// node it was given at; nil, reported, when it is missing and required, unreadable or empty.
    func secretText(_ key: String, in what: String, required: Bool) -> (text: String, node: Node)? {
        let inline = self[key]
        let fileNode = self["\(key)_file"]
        switch (inline, fileNode) {
        case (let inline?, nil):
            guard let text = context.string(inline, "'\(key)'") else { return nil }
            guard !text.allSatisfy(\.isWhitespace) else {
                let cause = inline.scalar?.string.contains("${") == true ? " (its environment variable is empty)" : ""
                context.error("'\(key)' is empty\(cause)", at: inline)
                return nil
            }
            return (text, inline)
        case (nil, let fileNode?):
            guard let path = context.string(fileNode, "'\(key)_file'") else { return nil }
            switch FileReader.text(atPath: context.path(path), limit: 64 * 1_024, limitName: "a secret file's limit") {
            case .success(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else {
                    context.error("'\(key)_file' \(path) is empty", at: fileNode)
                    return nil
                }
                return (trimmed, fileNode)
            case .failure(let failure):
                context.error("cannot read '\(key)_file' \(path): \(failure.reason)", at: fileNode)
                return nil
            }
        case (_?, let fileNode?):
            context.error("give either '\(key)' or '\(key)_file', not both", at: fileNode)
            return nil
        case (nil, nil):
            if required { context.error("\(what) is missing '\(key)' (or '\(key)_file')", at: node) }
            return nil
        }
    }
}
