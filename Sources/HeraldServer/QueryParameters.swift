import Hummingbird

/// Reads a request's query strictly: an unknown parameter, a repeated one or a malformed value is a 400 naming it,
/// so a typo never silently widens a query.
struct QueryParameters {
    private let values: [String: String]

    /// The query of `request`, which may only use `allowed` names.
    init(_ request: Request, allowed: Set<String>) throws {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let names = allowed.sorted().joined(separator: ", ")
                throw APIError(.badRequest, "unknown query parameter '\(name)' (allowed: \(names))")
            }
            guard values[name] == nil else { throw APIError(.badRequest, "query parameter '\(name)' given twice") }
            values[name] = String(value)
        }
        self.values = values
    }

    /// The text of `name`; nil when absent, 400 when empty.
    func string(_ name: String) throws -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw APIError(.badRequest, "query parameter '\(name)' is empty") }
        return value
    }

    /// The text of `name`; nil when absent or empty (an HTML form's "any" choice sends the name with no value).
    func choice(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `name` as one of `Value`'s cases, read from `text` (the parameter's text unless given); nil when
    /// `text` is nil, 400 listing the cases when it names none.
    func state<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ text: String?, as _: Value.Type
    ) throws -> Value? where Value.RawValue == String {
        guard let text else { return nil }
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "query parameter '\(name)': unknown state '\(text)' (\(known))")
        }
        return value
    }

    /// The positive integer `name`; nil when absent.
    func positiveInt(_ name: String) throws -> Int? {
        guard let text = try string(name) else { return nil }
        guard let value = Int(text), value > 0 else {
            throw APIError(.badRequest, "query parameter '\(name)' must be a positive integer, not '\(text)'")
        }
        return value
    }

    /// The boolean `name` (`true` or `false`); `fallback` when absent.
    func bool(_ name: String, default fallback: Bool) throws -> Bool {
        guard let text = try string(name) else { return fallback }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIError(.badRequest, "query parameter '\(name)' must be true or false, not '\(text)'")
        }
    }
}
