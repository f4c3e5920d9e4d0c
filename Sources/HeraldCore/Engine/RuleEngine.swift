import Foundation

/// Decides which messages to send: a pure function of (milestones, rule state, now).
///
/// Scheduled rules run over every open milestone on every tick; change rules run over the
/// changes a source just applied. The caller writes the returned states and messages in one
/// transaction, so a decision is never made twice and never lost.
public struct RuleEngine: Sendable {
    public let configuration: Configuration
    let resolver: RecipientResolver
    let projects: [String: Project]
    private let scheduledRules: [Rule]
    /// The `escalate:` rules with their ladders, in file order.
    let escalationRules: [(rule: Rule, ladder: EscalationLadder)]
    /// Who can be reached when: the quiet-hours holds.
    let reachability: Reachability
    /// The acknowledgement links escalation notices carry; nil for none.
    let ackLinks: AckLinks?
    /// The milestone page links messages about one milestone carry; nil for none.
    let milestoneLinks: MilestoneLinks?
    /// Each person's name by key, for the people a message mentions in its text.
    let personNames: [String: String]

    /// Creates an engine for a configuration; escalation notices carry `ackLinks`' links when given, and messages
    /// about one milestone `milestoneLinks`' link to its page.
    public init(configuration: Configuration, ackLinks: AckLinks? = nil, milestoneLinks: MilestoneLinks? = nil) {
        self.configuration = configuration
        self.ackLinks = ackLinks
        self.milestoneLinks = milestoneLinks
        personNames = configuration.people.mapValues(\.name)
        resolver = RecipientResolver(people: configuration.people, audiences: configuration.audiences)
        reachability = Reachability(
            calendar: configuration.calendar, people: configuration.people, channels: configuration.channels
        )
        projects = Dictionary(configuration.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        scheduledRules = configuration.rules.filter {
            guard $0.trigger == .schedule, case .notify = $0.action else { return false }
            return true
        }
        escalationRules = configuration.rules.compactMap { rule in
            guard rule.trigger == .schedule, case .escalate(let name) = rule.action,
                  let policy = configuration.escalations[name] else { return nil }
            return (rule, EscalationLadder(policy: policy, calendar: configuration.calendar))
        }
    }

    /// Steps every escalation, then evaluates every scheduled notify rule over every open milestone at `now`.
    ///
    /// A reminder that `suppressions` (or an on-hold project, or an open escalation of its milestone) stops goes to
    /// the decisions' `suppressions` instead, and its rule state stays as it was, so it fires once the suppression
    /// ends if the rule still holds.
    ///
    /// A large portfolio's reminders are evaluated in consecutive chunks on all cores and joined in milestone
    /// order, so the decisions are exactly those of one pass in order.
    ///
    /// - Parameter escalations: the current escalation of each (rule, milestone), as the store keeps them
    ///   (open ones, and acknowledged ones not yet announced or re-armed).
    public func evaluate(
        milestones: [TrackedMilestone], states: [RuleStateKey: RuleState],
        escalations: [RuleStateKey: EscalationRecord] = [:], now: Date, suppressions: Suppressions = Suppressions()
    ) -> EngineDecisions {
        var decisions = EngineDecisions()
        let today = configuration.calendar.today(at: now)
        var suppressions = suppressions
        let graph = DependencyGraph(milestones: milestones.map(\.milestone))
        suppressions.escalatedMilestones.formUnion(stepEscalations(
            milestones: milestones, records: escalations, graph: graph, now: now, today: today,
            suppressions: suppressions, into: &decisions
        ))
        let chunkCount = min(milestones.count / Self.minimumChunk, 2 * ProcessInfo.processInfo.activeProcessorCount)
        guard chunkCount > 1 else {
            remind(milestones[...], states: states, graph: graph, now: now, today: today, suppressions: suppressions,
                   into: &decisions)
            return decisions
        }
        let chunkSize = (milestones.count + chunkCount - 1) / chunkCount
        let chunks = stride(from: 0, to: milestones.count, by: chunkSize).map {
            milestones[$0..<min($0 + chunkSize, milestones.count)]
        }
        // Each iteration initializes its own slot and nothing else; the slots are read after all have finished.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<EngineDecisions>.allocate(capacity: chunks.count)
        defer { results.deallocate() }
        let escalated = suppressions
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            var chunk = EngineDecisions()
            remind(chunks[index], states: states, graph: graph, now: now, today: today, suppressions: escalated,
                   into: &chunk)
            (results.baseAddress! + index).initialize(to: chunk)
        }
        for chunk in results { decisions.append(chunk) }
        _ = results.deinitialize()
        return decisions
    }

    /// Fewer milestones than this are evaluated in one chunk: below it, threads cost more than they save.
    private static let minimumChunk = 4_096

    /// The scheduled notify rules over consecutive milestones: reminders, or their suppressions.
    private func remind(
        _ milestones: ArraySlice<TrackedMilestone>, states: [RuleStateKey: RuleState], graph: DependencyGraph,
        now: Date, today: CivilDate, suppressions: Suppressions, into decisions: inout EngineDecisions
    ) {
        let calendar = configuration.calendar
        var dates = CivilDateMemo(zone: calendar.timeZone)
        var nextEligible: [RepeatSlot: Date] = [:] // the same for every milestone at this `now`
        // Elements are read in place: only the facts keep a copy of an open milestone.
        for index in milestones.indices where !milestones[index].milestone.status.isClosed {
            let updatedAt = milestones[index].updatedAt
            let history = milestones[index].history
            let facts = MilestoneFacts(
                milestone: milestones[index].milestone, updatedAt: updatedAt, updatedOn: dates.date(of: updatedAt),
                today: today, calendar: calendar, previous: nil, history: history,
                statusChangedOn: dates.date(of: history.statusChangedAt)
            )
            for ruleIndex in scheduledRules.indices where scheduledRules[ruleIndex].condition.evaluate(facts) {
                let rule = scheduledRules[ruleIndex]
                let milestone = facts.milestone
                let key = RuleStateKey(rule: rule.name, projectID: milestone.projectID, milestoneID: milestone.id)
                let previous = states[key]
                guard Self.shouldFire(previous, due: milestone.due, policy: rule.repeatPolicy, now: now) else {
                    continue
                }
                let project = projects[milestone.projectID]
                if let reason = SuppressionPolicy.reason(
                    for: .reminder, milestone: milestone, project: project, suppressions: suppressions, now: now
                ) {
                    suppress(.reminder, rule: rule, recipients: recipients(of: rule), milestone: milestone,
                             project: project, reason: reason, now: now, today: today, into: &decisions)
                    continue
                }
                let projectName = project?.name ?? milestone.projectID
                let downstream = downstream(of: milestone, in: graph)
                let text = MessageText.reminder(
                    milestone: milestone, projectName: projectName, facts: facts, downstream: downstream
                )
                let first = decisions.messages.count
                compose(kind: .reminder, rule: rule, recipients: recipients(of: rule), milestone: milestone,
                        project: project, text: text, graph: graph, now: now, into: &decisions) { readerDate in
                    MessageText.reminder(milestone: milestone, projectName: projectName, facts: MilestoneFacts(
                        milestone: milestone, updatedAt: updatedAt, today: readerDate, calendar: calendar,
                        history: history
                    ), downstream: downstream)
                }
                var next: Date?
                if case .every(let interval) = rule.repeatPolicy {
                    let slot = RepeatSlot(
                        interval: interval, at: rule.repeatAt, zones: zones(of: decisions.messages[first...])
                    )
                    next = nextEligible[slot] ?? nextRepeat(slot, after: now)
                    nextEligible[slot] = next
                }
                let sameDue = previous?.due == milestone.due
                decisions.ruleStates.append(RuleState(
                    key: key, due: milestone.due, lastFiredAt: now, nextEligibleAt: next,
                    fireCount: sameDue ? (previous?.fireCount ?? 0) + 1 : 1
                ))
            }
        }
    }

    /// Evaluates the change rules (`on:`) over changes just applied; each change fires at most once per rule. An
    /// announcement names who made the change and, from `milestones` (every project's, as stored before the
    /// changes), what it puts at risk downstream.
    public func evaluate(
        changes: [MilestoneChange], updatedAt now: Date, milestones: [Milestone] = []
    ) -> EngineDecisions {
        var decisions = EngineDecisions()
        let calendar = configuration.calendar
        let today = calendar.today(at: now)
        let graph = DependencyGraph(milestones: milestones, applying: changes)
        for change in changes {
            guard let milestone = change.current else { continue }
            let kinds = Self.changeKinds(change)
            let facts = MilestoneFacts(
                milestone: milestone, updatedAt: now, today: today, calendar: calendar, previous: change.previous,
                history: change.history
            )
            for rule in configuration.rules {
                guard case .change(let kind) = rule.trigger, kinds.contains(kind), case .notify = rule.action,
                      rule.condition.evaluate(facts) else { continue }
                let project = projects[milestone.projectID]
                if let reason = SuppressionPolicy.reason(
                    for: .announcement, milestone: milestone, project: project, suppressions: Suppressions(), now: now
                ) {
                    suppress(.announcement, rule: rule, recipients: recipients(of: rule), milestone: milestone,
                             project: project, reason: reason, now: now, today: today, into: &decisions)
                    continue
                }
                // A new milestone is announced as added, not as every field going from none to its value.
                let fields = change.kind == .created ? [] : change.fields
                let text = MessageText.change(
                    milestone: milestone, projectName: project?.name ?? milestone.projectID, fields: fields,
                    today: today, slipDays: facts.slipDays, source: change.source, actor: change.actor,
                    names: personNames, downstream: downstream(of: milestone, in: graph)
                )
                compose(kind: .announcement, rule: rule, recipients: recipients(of: rule), milestone: milestone,
                        project: project, text: text, graph: graph, changes: fields.isEmpty ? nil : fields,
                        actor: change.actor, now: now, into: &decisions)
            }
        }
        return decisions
    }

    /// What a slip of `milestone` delays, its projects named as the configuration names them.
    func downstream(of milestone: Milestone, in graph: DependencyGraph) -> Downstream {
        Downstream(of: milestone.key, in: graph) { projects[$0]?.name ?? $0 }
    }

    /// Whether a holding rule sends now, given what it last did.
    static func shouldFire(_ state: RuleState?, due: CivilDate, policy: RepeatPolicy, now: Date) -> Bool {
        guard let state, state.due == due else { return true }
        switch policy {
        case .once: return false
        case .every: return state.nextEligibleAt.map { now >= $0 } ?? true
        }
    }

    /// The change kinds a milestone change counts as.
    static func changeKinds(_ change: MilestoneChange) -> Set<ChangeKind> {
        if change.kind == .created { return [.created] }
        var kinds = Set<ChangeKind>()
        for field in change.fields {
            switch field.field {
            case "status": kinds.insert(.statusChanged)
            case "due": kinds.insert(.dueChanged)
            case "owner": kinds.insert(.ownerChanged)
            default: break
            }
        }
        return kinds
    }

    /// The `notify:` list of a notify rule.
    private func recipients(of rule: Rule) -> [Recipient] {
        guard case .notify(let recipients) = rule.action else { return [] }
        return recipients
    }

    /// One message per channel `recipients` resolve to. `idParts` tell apart messages that would otherwise share
    /// an id (an escalation's levels and repeats decided in one tick). An escalation notice gets its own
    /// acknowledgement link per channel (not part of its id). A text that speaks of dates ("due today") gives
    /// `textOn`, the text as of a date, for `emit` to say it as of the reader's date. The milestone's reference
    /// carries its critical flag and what it blocks from `graph` (which also gives a template what it depends on and
    /// blocks); an announcement carries its `changes` and `actor`.
    func compose(
        kind: MessageKind, rule: Rule, recipients: [Recipient], milestone: Milestone, project: Project?, text: String,
        escalation: EscalationRef? = nil, idParts: [String] = [], graph: DependencyGraph,
        changes: [FieldChange]? = nil, actor: String? = nil, now: Date, into decisions: inout EngineDecisions,
        textOn: ((CivilDate) -> String)? = nil
    ) {
        let details = templateDetails(kind, of: milestone, graph: graph)
        let (addresses, unreachable) = resolver.resolve(recipients, milestone: milestone, project: project)
        for missing in unreachable {
            decisions.unreachable.append(
                "rule \(rule.name), \(milestone.projectID)/\(milestone.id): \(missing.recipient): \(missing.reason)"
            )
        }
        for address in addresses {
            let id = MessageID.make([
                rule.name, milestone.projectID, milestone.id, address.channel, kind.rawValue,
                String(now.timeIntervalSince1970),
            ] + idParts)
            var escalation = escalation
            if kind == .escalation, let ackLinks, let escalationID = escalation?.id {
                let recipient = AckRecipient(address)
                escalation?.ackURL = ackLinks.url(escalationID: escalationID, recipient: recipient, now: now)
            }
            emit(OutgoingMessage(
                id: id, createdAt: now, kind: kind, rule: rule.name, project: reference(to: project, of: milestone),
                milestones: [MilestoneRef(milestone, in: graph)], channel: address.channel,
                recipients: address.people, mentions: address.mentions, text: text, escalation: escalation,
                changes: changes, actor: actor
            ), rule: rule, into: &decisions, details: details, textOn: textOn)
        }
    }

    /// Adds a composed message to the decisions: the one place every message passes through. It is held for
    /// quiet hours unless its rule is urgent; `rule` is nil for a notice about a rule that is gone. When `textOn`
    /// is given and the reader's date (see `readerDate(of:)`) is not the calendar's date of the decision, the text
    /// is `textOn`'s for the reader's date: a reminder held overnight says "overdue", not "due today" about
    /// yesterday. Its text is then the kind's template's when `templates_dir` has one, given the `details` of its
    /// milestones. A message about one milestone gets the link to its page (``milestoneLinks``), not part of its id.
    func emit(
        _ message: OutgoingMessage, rule: Rule?, into decisions: inout EngineDecisions,
        details: [TemplateDetails] = [], textOn: ((CivilDate) -> String)? = nil
    ) {
        var message = message
        if let milestoneLinks, let project = message.project, message.milestones.count == 1,
           [.reminder, .escalation, .announcement, .resolved].contains(message.kind) {
            let key = MilestoneKey(projectID: project.id, milestoneID: message.milestones[0].id)
            message.milestoneURL = milestoneLinks.url(key, now: message.createdAt)
        }
        if rule?.urgent != true, let hold = hold(for: message, into: &decisions) {
            message.heldUntil = hold.until
            message.holdReason = hold.reason
        }
        if let textOn {
            let date = readerDate(of: message)
            if date != configuration.calendar.today(at: message.createdAt) { message.text = textOn(date) }
        }
        message.text = configuration.templates.text(for: message, details: details)
        decisions.messages.append(message)
    }

    /// The project as messages name it (its id when the project is unknown).
    func reference(to project: Project?, of milestone: Milestone) -> ProjectRef {
        project.map { ProjectRef(id: $0.id, name: $0.name) }
            ?? ProjectRef(id: milestone.projectID, name: milestone.projectID)
    }
}

/// What the engine decided in one evaluation.
public struct EngineDecisions: Sendable {
    /// Rule states to write (only those that changed).
    public var ruleStates: [RuleState] = []
    /// Messages to put in the outbox.
    public var messages: [OutgoingMessage] = []
    /// Recipients that could not be reached, in words, for the log.
    public var unreachable: [String] = []
    /// Escalations opened, advanced, acknowledged-and-announced or closed.
    public var escalations: [EscalationUpdate] = []
    /// The holds worked out so far in this evaluation, by channel, people and time (many messages share one).
    var holds: [HoldKey: Hold?] = [:]
    /// Messages a snooze, an on-hold project or an open escalation stopped, for the log.
    public var suppressions: [Suppression] = []

    /// Creates an empty set of decisions.
    public init() {}
}
