/// Names in a template that its kind's messages never give a value: Mustache renders them as nothing, so a typo
/// would silently drop text from every message. ``undefinedVariables(in:of:)`` finds them for `herald check`.
extension MessageTemplates {
    /// Every name in `source` (a template Mustache parses) that a `kind` message has no value for, where it stands
    /// in `source`: `unknown variable 'milestone.ownr'`, or, for a value other kinds have,
    /// `'digest' is not a value of reminder messages (only of digest messages)`.
    public static func undefinedVariables(in source: String, of kind: MessageKind) -> [TemplateError] {
        let tags = TemplateTag.tags(in: source)
        let others = MessageKind.allCases.filter { $0 != kind }.map { other in
            (other, Set(walk(tags, in: variables(of: other)).found.map(\.position)))
        }
        return walk(tags, in: variables(of: kind)).missing.map { tag in
            let kinds = others.filter { $0.1.contains(tag.position) }.map { "\($0.0.rawValue) messages" }
            let message = kinds.isEmpty
                ? "unknown variable '\(tag.name)'"
                : "'\(tag.name)' is not a value of \(kind.rawValue) messages (only of \(kinds.joined(separator: ", ")))"
            return TemplateError(line: tag.line, column: tag.column, message: message)
        }
    }

    /// The tags of `tags` naming something in `root` (`found`) and those naming nothing (`missing`), resolved as
    /// Mustache resolves them: a name is looked up in the innermost section's value, then outwards; a dotted name's
    /// first part so, the rest inside it; a name starting with `.` only in the innermost. A tag inside a section
    /// naming nothing is in neither.
    private static func walk(
        _ tags: [TemplateTag], in root: [String: TemplateVariable]
    ) -> (found: [TemplateTag], missing: [TemplateTag]) {
        // A nil scope is the inside of a section naming nothing: its names are not checked, its mistake is reported
        // once, at the section.
        var scopes: [TemplateVariable?] = [.object(root)]
        var missing: [TemplateTag] = []
        var resolved: [TemplateTag] = []
        for tag in tags {
            let current = scopes[scopes.count - 1]
            switch tag.role {
            case .close:
                if scopes.count > 1 { scopes.removeLast() }
                continue
            case .block:
                scopes.append(current)
                continue
            case .variable, .section, .inverted:
                break
            }
            let known = scopes.contains(nil) ? nil : scopes.compactMap { $0 }
            let found = known.flatMap { resolve(tag, in: $0) }
            if found != nil { resolved.append(tag) } else if known != nil { missing.append(tag) }
            switch tag.role {
            case .section:
                if case .list(let element)? = found { scopes.append(element) } else { scopes.append(found) }
            case .inverted:
                scopes.append(current)
            default:
                break
            }
        }
        return (resolved, missing)
    }

    /// What `tag` names in `scopes` (innermost last), transforms applied; nil when it names nothing.
    private static func resolve(_ tag: TemplateTag, in scopes: [TemplateVariable]) -> TemplateVariable? {
        if tag.name == "." { return scopes.last }
        if tag.name.isEmpty { return tag.transforms.isEmpty ? nil : .value }
        let parts = tag.name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        let start: TemplateVariable? = tag.name.hasPrefix(".")
            ? child(first, of: scopes[scopes.count - 1])
            : scopes.reversed().lazy.compactMap { child(first, of: $0) }.first
        var value = start
        for part in parts.dropFirst() {
            value = value.flatMap { child(part, of: $0) }
        }
        guard var value else { return nil }
        for transform in tag.transforms.reversed() {
            guard case .list(let element) = value else { continue }
            switch transform {
            case "first", "last": value = element
            case "reversed", "sorted": break
            default: value = .value
            }
        }
        return value
    }

    private static func child(_ name: String, of value: TemplateVariable) -> TemplateVariable? {
        guard case .object(let values) = value else { return nil }
        return values[name]
    }
}

extension TemplateTag {
    /// Where it stands, to tell the same tag apart in two walks.
    fileprivate var position: [Int] { [line, column] }
}
