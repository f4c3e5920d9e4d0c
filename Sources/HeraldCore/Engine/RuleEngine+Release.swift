import Foundation

extension RuleEngine {
    /// Decides which waiting messages go at `now` and how: a pure function of the waiting messages, the facts at
    /// release, and how many messages each person has had since the start of their day (`sentSince`).
    ///
    /// Each message is checked against the facts at release (``check(_:against:)``). With a bundling window, the
    /// messages to the same people on the same channel whose release falls within the window of the first go as
    /// one `bundle` once the last of them may go (never before a hold ends); the same milestone and kind from two
    /// rules is one item naming both rules, and a lone item goes as itself. Messages of urgent rules go on their
    /// own at once, and so do digests and tests. A person who has had their `max_per_day` keeps the rest until
    /// the end of their working day, when they go as one summary. With a window of 0 every message goes on its
    /// own.
    public func release(
        _ candidates: [ReleaseCandidate], facts: ReleaseFacts, now: Date, sentSince: (String, Date) -> Int
    ) -> ReleasePlan {
        var plan = ReleasePlan()
        let window = configuration.bundling.window
        var groups: [ReleaseGroupKey: [ReleaseCandidate]] = [:]
        for candidate in candidates.sorted(by: { ($0.dueAt, $0.deliveryID) < ($1.dueAt, $1.deliveryID) }) {
            if window <= 0 || isUrgent(candidate.message) || !Self.bundleable.contains(candidate.message.kind) {
                if candidate.dueAt <= now { send([candidate], bundling: false, facts: facts, now: now, into: &plan) }
                continue
            }
            let key = ReleaseGroupKey(channel: candidate.message.channel, recipients: candidate.message.recipients)
            groups[key, default: []].append(candidate)
        }
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            guard let first = members.first, first.dueAt <= now else { continue }
            let batch = members.filter { $0.dueAt <= first.dueAt.addingTimeInterval(window) }
            guard batch.allSatisfy({ $0.dueAt <= now }) else { continue }
            if let until = foldedUntil(first.message.recipients, now: now, sentSince: sentSince) {
                plan.deferred += batch.map { ReleasePlan.Deferral(deliveryID: $0.deliveryID, until: until) }
                continue
            }
            send(batch, bundling: true, facts: facts, now: now, into: &plan)
        }
        return plan
    }

    /// Checks each message of `batch` and sends what still holds: one message as itself, several as a bundle.
    private func send(
        _ batch: [ReleaseCandidate], bundling: Bool, facts: ReleaseFacts, now: Date, into plan: inout ReleasePlan
    ) {
        var items: [(lead: ReleaseCandidate, message: OutgoingMessage, rules: [String], carried: [Int64])] = []
        for candidate in batch {
            var message = candidate.message
            switch check(message, against: facts) {
            case .withdrawn(let reason):
                plan.withdrawn.append(ReleasePlan.Withdrawal(deliveryID: candidate.deliveryID, reason: reason))
                continue
            case .rewritten(let rewritten):
                plan.rewritten.append(rewritten)
                message = rewritten
            case .asDecided:
                break
            }
            let rule = message.rule.map { [$0] } ?? []
            if bundling, let index = items.firstIndex(where: { Self.sameItem($0.message, message) }) {
                items[index].rules += rule.filter { !items[index].rules.contains($0) }
                items[index].carried.append(candidate.deliveryID)
            } else {
                items.append((candidate, message, rule, []))
            }
        }
        if items.count == 1, let item = items.first {
            plan.released.append(item.lead.deliveryID)
            plan.carried += item.carried.map {
                ReleasePlan.Carried(
                    deliveryID: $0, by: item.lead.deliveryID, note: "sent in \(item.message.id), which says the same"
                )
            }
        } else if items.count > 1 {
            let bundleItems = items.map { item in
                BundleItem(
                    id: item.message.id, decidedAt: item.message.createdAt, kind: item.message.kind, rules: item.rules,
                    project: item.message.project, milestones: item.message.milestones, text: item.message.text,
                    escalation: item.message.escalation, changes: item.message.changes, actor: item.message.actor,
                    milestoneURL: item.message.milestoneURL
                )
            }
            let message = bundle(bundleItems, like: items[0].message, now: now)
            plan.bundles.append(ReleasePlan.ReleasedBundle(
                message: message, deliveryIDs: items.flatMap { [$0.lead.deliveryID] + $0.carried },
                note: "sent in \(message.id) with \(items.count - 1) \(items.count == 2 ? "other" : "others")"
            ))
        }
    }

    /// One `bundle` message carrying `items` to `model`'s channel and people.
    private func bundle(_ items: [BundleItem], like model: OutgoingMessage, now: Date) -> OutgoingMessage {
        let projects = Set(items.compactMap(\.project))
        var message = OutgoingMessage(
            id: MessageID.make(["bundle", model.channel] + model.recipients + items.map(\.id)), createdAt: now,
            kind: .bundle, rule: nil, project: projects.count == 1 ? projects.first : nil,
            milestones: items.flatMap(\.milestones), channel: model.channel, recipients: model.recipients,
            mentions: model.mentions, text: BundleText.text(items), items: items
        )
        message.text = configuration.templates.text(for: message)
        return message
    }

    /// Whether two messages say the same thing about the same milestone (two rules at one moment).
    private static func sameItem(_ one: OutgoingMessage, _ other: OutgoingMessage) -> Bool {
        one.kind == other.kind && one.project?.id == other.project?.id
            && one.milestones.map(\.id) == other.milestones.map(\.id) && one.escalation?.id == other.escalation?.id
            && one.text == other.text
    }

    /// The kinds a bundle carries: a digest or a test goes on its own.
    private static let bundleable: Set<MessageKind> = [.reminder, .escalation, .announcement, .resolved]

    /// Whether the rule that decided `message` is urgent (it skips the window).
    private func isUrgent(_ message: OutgoingMessage) -> Bool {
        guard let name = message.rule else { return false }
        return configuration.rules.first { $0.name == name }?.urgent ?? false
    }

    /// When messages to `recipients` fold into a summary because one of them has had their `max_per_day` today:
    /// the latest end of such a person's working day in their zone; nil when they go now (no limit reached, or
    /// the working day is over).
    private func foldedUntil(_ recipients: [String], now: Date, sentSince: (String, Date) -> Int) -> Date? {
        var until: Date?
        for key in recipients {
            let person = configuration.people[key]
            guard let limit = person?.maxPerDay ?? configuration.bundling.maxPerDay else { continue }
            let calendar = configuration.calendar.reading(in: person?.timeZone)
            let today = calendar.today(at: now)
            let dayEnd = calendar.instant(of: today, minuteOfDay: min(calendar.hours.end, 1_439))
            guard now < dayEnd, sentSince(key, calendar.instant(of: today, minuteOfDay: 0)) >= limit else { continue }
            until = max(until ?? dayEnd, dayEnd)
        }
        return until
    }
}

/// The messages that may go as one: same channel, same people.
struct ReleaseGroupKey: Hashable, Comparable {
    var channel: String
    var recipients: [String]

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.channel, lhs.recipients.joined(separator: ",")) < (rhs.channel, rhs.recipients.joined(separator: ","))
    }
}
