extension EngineDecisions {
    /// Adds `other`'s decisions after these: what two evaluations in a row decided.
    public mutating func append(_ other: EngineDecisions) {
        ruleStates += other.ruleStates
        messages += other.messages
        unreachable += other.unreachable
        escalations += other.escalations
        suppressions += other.suppressions
    }
}
