/// How fast a channel is sent to when its config names no `rate`.
extension Channel {
    /// The documented limits of chat services, by type name; other types are not paced.
    public static let defaultRates: [String: Rate] = [
        "slack": Rate(count: 1, seconds: 1),
        "discord": Rate(count: 5, seconds: 2),
        "teams": Rate(count: 4, seconds: 1),
        "googlechat": Rate(count: 1, seconds: 1),
    ]

    /// The configured `rate`, or the default of the channel's type, or nil (unpaced).
    public var effectiveRate: Rate? {
        rate ?? Self.defaultRates[kind.typeName]
    }
}
