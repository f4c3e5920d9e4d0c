import HeraldCore
import Yams

extension MainFileReader {
    func readRules(_ node: Node, references: References) -> [Rule] {
        guard let items = context.sequence(node, "'rules'") else { return [] }
        var rules: [Rule] = []
        var names = Set<String>()
        for item in items {
            guard let fields = context.mapping(
                item, "a rule", allowed: ["name", "when", "on", "notify", "escalate", "repeat", "at", "urgent"]
            ), let name = fields.string("name", required: true, in: "a rule") else { continue }
            let what = "rule '\(name)'"
            if !names.insert(name).inserted { context.error("duplicate rule name '\(name)'", at: fields["name"]) }
            var trigger = Rule.Trigger.schedule
            if let onNode = fields["on"], let text = context.string(onNode, "'on'") {
                if let kind = ChangeKind(rawValue: text) {
                    trigger = .change(kind)
                } else {
                    let kinds = ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")
                    context.error("unknown trigger '\(text)' (use one of \(kinds))", at: onNode)
                }
            }
            let condition = readCondition(fields, required: trigger == .schedule, in: what)
            let action = readAction(fields, references: references, in: what)
            let repeatPolicy = readRepeat(fields)
            var repeatInterval: Interval?
            if case .every(let interval) = repeatPolicy { repeatInterval = interval }
            let repeatAt = readAt(fields, counting: repeatInterval, "'repeat'")
            guard let condition, let action else { continue }
            rules.append(
                Rule(name: name, trigger: trigger, condition: condition, action: action,
                     repeatPolicy: repeatPolicy ?? .once, repeatAt: repeatAt, urgent: fields.bool("urgent") ?? false)
            )
        }
        return rules
    }

    /// Compiles `when`; an error's column is mapped from inside the expression to the file.
    func readCondition(_ fields: Fields, required: Bool, in what: String) -> RuleExpression? {
        guard let node = fields["when"] else {
            if required { context.error("\(what) is missing 'when'", at: fields.node) }
            return required ? nil : try? RuleExpression.compile("true")
        }
        guard let source = context.string(node, "'when'") else { return nil }
        do {
            return try RuleExpression.compile(source)
        } catch {
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            context.error("in 'when': \(error.message)", at: node, columnOffset: error.column - 1 + (quoted ? 1 : 0))
            return nil
        }
    }

    private func readAction(_ fields: Fields, references: References, in what: String) -> Rule.Action? {
        switch (fields["notify"], fields["escalate"]) {
        case (let notify?, nil):
            return readRecipients(notify, references: references).map(Rule.Action.notify)
        case (nil, let escalate?):
            guard let name = context.string(escalate, "'escalate'") else { return nil }
            return check(name, at: escalate, known: references.escalations, kind: "escalation") ? .escalate(name) : nil
        case (_?, let escalate?):
            context.error("\(what) has both 'notify' and 'escalate'; give one", at: escalate)
            return nil
        case (nil, nil):
            context.error("\(what) needs 'notify' or 'escalate'", at: fields.node)
            return nil
        }
    }

    private func readRepeat(_ fields: Fields) -> RepeatPolicy? {
        guard let node = fields["repeat"], let text = context.string(node, "'repeat'") else { return nil }
        if text == "once" { return .once }
        if let interval = Interval(parsing: text) { return .every(interval) }
        context.error("'repeat' must be 'once' or an interval such as 1 business_day, 2d or 4h, not '\(text)'",
                      at: node)
        return nil
    }

    /// `at: HH:MM`, the local time at which the interval `key` names falls; it must count days (`2d`,
    /// `1 business_day`), since hours and minutes are durations that no time of day can move.
    private func readAt(_ fields: Fields, counting interval: Interval?, _ key: String) -> Int? {
        guard let node = fields["at"], let text = context.string(node, "'at'") else { return nil }
        guard let minute = DailyWindow.minuteOfDay(parsing: text) else {
            context.error("'at' must be a time of day HH:MM, such as 09:00, not '\(text)'", at: node)
            return nil
        }
        guard interval?.countsDays == true else {
            context.error("'at' needs \(key) in days or business days, such as 1 business_day or 2d", at: node)
            return nil
        }
        return minute
    }

    /// A `notify`/`to` list; every reference is checked. Nil when any is wrong.
    func readRecipients(_ node: Node, references: References) -> [Recipient]? {
        var recipients: [Recipient] = []
        var ok = true
        for (text, item) in context.stringList(node, "the recipient list") {
            guard let recipient = Recipient(parsing: text) else {
                context.error("'\(text)' is not a recipient (owner, manager, sponsor, PERSON, person:KEY, "
                    + "audience:KEY or channel:KEY)", at: item)
                ok = false
                continue
            }
            let known: Bool
            switch recipient {
            case .person(let key): known = check(key, at: item, known: references.people, kind: "person")
            case .audience(let key): known = check(key, at: item, known: references.audiences, kind: "audience")
            case .channel(let key): known = check(key, at: item, known: references.channels, kind: "channel")
            case .owner, .manager, .sponsor: known = true
            }
            if known { recipients.append(recipient) } else { ok = false }
        }
        if recipients.isEmpty && ok {
            context.error("the recipient list is empty", at: node)
            return nil
        }
        return ok ? recipients : nil
    }

    func readEscalations(_ node: Node, references: References) -> [String: EscalationPolicy] {
        var policies: [String: EscalationPolicy] = [:]
        for (name, _, value) in context.namedEntries(node, "escalations") {
            let what = "escalation '\(name)'"
            guard let fields = context.mapping(
                value, what, allowed: ["levels", "repeat_last_every", "max_repeats"]
            ) else { continue }
            var levels: [EscalationPolicy.Level] = []
            for level in fields["levels"].flatMap({ context.sequence($0, "'levels'") }) ?? [] {
                guard let levelFields = context.mapping(
                    level, "an escalation level", allowed: ["after", "at", "notify"]
                ) else { continue }
                let after = levelFields["after"].flatMap { interval($0, "'after'") }
                let at = readAt(levelFields, counting: after, "'after'")
                guard let notifyNode = levelFields["notify"] else {
                    context.error("an escalation level is missing 'notify'", at: level)
                    continue
                }
                if let notify = readRecipients(notifyNode, references: references) {
                    levels.append(EscalationPolicy.Level(after: after, at: at, notify: notify))
                }
            }
            if fields["levels"] == nil { context.error("\(what) is missing 'levels'", at: value) }
            var maxRepeats: Int?
            if let node = fields["max_repeats"], let text = context.string(node, "'max_repeats'") {
                maxRepeats = Int(text)
                if maxRepeats == nil || maxRepeats! < 0 {
                    context.error("'max_repeats' must be a whole number, not '\(text)'", at: node)
                }
            }
            policies[name] = EscalationPolicy(
                name: name, levels: levels,
                repeatLastEvery: fields["repeat_last_every"].flatMap { interval($0, "'repeat_last_every'") },
                maxRepeats: maxRepeats
            )
        }
        return policies
    }

    /// An `Interval` such as `4h` or `1 business_day`.
    func interval(_ node: Node, _ what: String) -> Interval? {
        guard let text = context.string(node, what) else { return nil }
        guard let interval = Interval(parsing: text) else {
            context.error("\(what) must be an interval such as 4h, 2d or 1 business_day, not '\(text)'", at: node)
            return nil
        }
        return interval
    }
}
