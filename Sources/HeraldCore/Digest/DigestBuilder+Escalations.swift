import Foundation

extension DigestBuilder {
    /// Escalations of milestones in scope that are still open, or acknowledged while their rule still holds
    /// (not re-armed): unacknowledged first, then the highest level, the longest open, and the id. Whoever
    /// acknowledged one is named by their name when they are a person of the config.
    func openEscalations(_ records: [EscalationRecord], subjects: [DigestSubject]) -> [DigestEscalation] {
        let byKey = Dictionary(subjects.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return records
            .compactMap { record -> (record: EscalationRecord, line: DigestEscalation)? in
                let key = MilestoneKey(projectID: record.key.projectID, milestoneID: record.key.milestoneID)
                guard record.state != .resolved, !record.rearmed, let subject = byKey[key] else { return nil }
                let level = max(1, record.levelsNotified)
                let line = DigestEscalation(
                    id: record.id, project: subject.project, milestone: subject.reference, level: level,
                    levels: configuration.escalations[record.policy]?.levels.count ?? level,
                    acknowledgedBy: record.acknowledgement.map { configuration.people[$0.by]?.name ?? $0.by }
                )
                return (record, line)
            }
            .sorted { a, b in
                let left = (a.line.acknowledgedBy == nil ? 0 : 1, -a.line.level, a.record.openedAt, a.record.id)
                let right = (b.line.acknowledgedBy == nil ? 0 : 1, -b.line.level, b.record.openedAt, b.record.id)
                return left < right
            }
            .map(\.line)
    }
}
