/// One HTTP header field, as sent or as received.
public struct HTTPHeader: Hashable, Sendable {
    /// The field name. Received headers carry it lowercased.
    public var name: String
    /// The field value. Received headers carry it trimmed of surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first field called `name`, compared case-insensitively.
    public func value(for name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
