/// Message ids (`msg_` and 26 base-32 characters) derived from what the message is, so the same
/// decision always yields the same id.
public enum MessageID {
    /// The id of the message described by `parts`.
    public static func make(_ parts: [String]) -> String {
        "msg_" + StableHash.base32(parts)
    }
}

/// Escalation ids (`esc_` and 10 base-32 characters): short enough to type in `herald ack`, derived from the
/// rule, milestone and opening time so a restart that re-decides the same opening gets the same id.
public enum EscalationID {
    /// The id of the escalation described by `parts`.
    public static func make(_ parts: [String]) -> String {
        "esc_" + StableHash.base32(parts).prefix(10)
    }
}
