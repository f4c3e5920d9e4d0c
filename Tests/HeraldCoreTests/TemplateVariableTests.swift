import Foundation
import Testing
@testable import HeraldCore

/// Templates reach everything a built-in message says, and a name no message of the template's kind has is found
/// where it stands.
@Suite struct TemplateVariableTests {
    /// Requirements (another project's, done) ← design ← build: design needs two deliverables, has slipped from
    /// its baseline of Fri 27 Nov to Fri 4 Dec and blocks build on the critical path.
    static func configuration(_ template: String, for kind: MessageKind, rules: [Rule]) throws -> Configuration {
        let design = Milestone(
            projectID: "apollo", id: "design", title: "Design sign-off", owner: "alice",
            due: CivilDate(iso: "2026-12-04")!, baseline: CivilDate(iso: "2026-11-27"), status: .atRisk,
            dependsOn: ["dcm/reqs"], deliverables: ["Solution design", "Test plan"]
        )
        let build = Milestone(
            projectID: "apollo", id: "build", title: "Build complete", owner: "bob", due: CivilDate(iso: "2026-12-18")!,
            status: .planned, dependsOn: ["design"]
        )
        let reqs = Milestone(
            projectID: "dcm", id: "reqs", title: "Requirements", owner: "dan", due: CivilDate(iso: "2026-11-20")!,
            status: .done
        )
        var configuration = EngineFixture.configuration(rules: rules, projects: [
            EngineFixture.project(milestones: [design, build]),
            Project(id: "dcm", name: "Data centre move", milestones: [reqs]),
        ])
        try configuration.templates.add(template, for: kind)
        return configuration
    }

    @Test func aReminderTemplateReadsDeliverablesDependenciesBlocksBaselineSlipAndTheOwnersName() throws {
        let template = """
            {{#milestone}}{{title}} · {{owner_name}} · {{status_words}}
            Needed:{{#deliverables}} {{.}};{{/deliverables}}
            After:{{#depends_on}} {{.}}{{/depends_on}}
            Blocks:{{#blocks}} {{.}}{{/blocks}}{{#critical}} (critical path){{/critical}}
            Baseline {{baseline_display}} ({{baseline}}){{#slip}}, {{slip}} business days behind{{/slip}}
            {{/milestone}}
            """
        let configuration = try Self.configuration(
            template, for: .reminder, rules: [try EngineFixture.rule(notify: [.owner])]
        )
        var run = EngineRun(configuration: configuration)
        let messages = run.tick(EngineFixture.at("2026-12-01", 9)).filter { $0.milestones.first?.id == "design" }
        #expect(messages.map(\.text) == ["""
            Design sign-off · Alice Ng · at risk
            Needed: Solution design; Test plan;
            After: Requirements · Data centre move
            Blocks: Build complete · Apollo ERP upgrade (critical path)
            Baseline Fri 27 Nov (2026-11-27), 5 business days behind
            """])
    }

    @Test func anEscalationTemplateReadsItsLinkAndHowToAnswer() throws {
        let policy = EscalationPolicy(name: "missed", levels: [.init(after: nil, notify: [.owner])])
        let rule = Rule(
            name: "overdue", condition: try RuleExpression.compile("days_overdue >= 1"), action: .escalate("missed")
        )
        var configuration = try Self.configuration(
            "{{#actions}}{{label}}: {{text}}{{#url}} {{.}}{{/url}}{{/actions}}|{{#link}}link{{/link}}",
            for: .escalation, rules: [rule]
        )
        configuration.escalations = ["missed": policy]
        var linked = EngineRun(configuration: configuration, ackLinks: AckLinkMessageTests.links())
        let notice = try #require(linked.tick(EngineFixture.at("2026-12-07", 10)).first)
        let url = try #require(notice.escalation?.ackURL)
        #expect(notice.text == "Acknowledge: Acknowledge it, give a new date or mark it done to stop further notices. \(url)|link")
        var plain = EngineRun(configuration: configuration)
        #expect(plain.tick(EngineFixture.at("2026-12-07", 10)).first?.text
            == "Acknowledge: To stop further notices, tell the person who runs Herald for this project that it is in "
            + "hand.|")
    }

    @Test(arguments: [
        (MessageKind.reminder, "{{milestone.ownr}}", ["1:3: unknown variable 'milestone.ownr'"]),
        (.reminder, "Hi\n  {{ digest.title }}",
         ["2:6: 'digest.title' is not a value of reminder messages (only of digest messages)"]),
        (.reminder, "{{#actions}}{{url}}{{/actions}}",
         ["1:4: 'actions' is not a value of reminder messages (only of escalation messages)"]),
        (.reminder, "{{#milestone}}{{titel}}{{/milestone}}", ["1:17: unknown variable 'titel'"]),
        (.reminder, "{{uppercased(milestone.titel)}}", ["1:3: unknown variable 'milestone.titel'"]),
        (.reminder, "{{=<% %>=}}<% nope %> {{nope}}", ["1:15: unknown variable 'nope'"]),
        (.reminder, "{{#nope}}{{title}}{{/nope}} {{! a comment {{nope}} }}", ["1:4: unknown variable 'nope'"]),
        (.reminder, "{{#milestone}}{{.title}}{{/milestone}}{{#milestones}}{{.text}}{{/milestones}}",
         ["1:56: unknown variable '.text'"]),
        (.test, "{{rule}}", ["1:3: 'rule' is not a value of test messages (only of reminder messages, announcement "
            + "messages, escalation messages, digest messages, resolved messages, bundle messages)"]),
    ])
    func anUndefinedNameIsFoundWhereItStands(kind: MessageKind, source: String, expected: [String]) {
        let found = MessageTemplates.undefinedVariables(in: source, of: kind).map {
            "\($0.line):\($0.column): \($0.message)"
        }
        #expect(found == expected)
    }

    @Test(arguments: [
        (MessageKind.reminder, """
            {{#milestones}}{{index()}} {{title}} {{text}} {{project.name}}{{#first()}}!{{/first()}}{{/milestones}}
            {{^milestone.slip}}{{/milestone.slip}}{{#milestone.blocks}}{{.}}{{/milestone.blocks}}{{{mentions}}}{{&rule}}
            {{#recipients}}{{.}}{{/recipients}}{{#first(milestones)}}{{owner_name}}{{/first(milestones)}}
            """),
        (.escalation, "{{escalation.ack_url}} {{link}} {{#actions}}{{label}}{{/actions}} {{milestone.slip}}"),
        (.resolved, "{{escalation.level}} {{milestone.title}}"),
        (.announcement, "{{milestone.baseline}} {{milestone.depends_on}}"),
        (.digest, "{{#digest}}{{title}}{{#overdue}}{{owner}}{{/overdue}}{{/digest}}{{project.name}}"),
        (.test, "{{text}} {{channel}}"),
        (.bundle, "{{#items}}{{kind}}: {{text}} ({{#rules}}{{.}}{{/rules}}, {{milestone.title}}){{/items}}"),
    ])
    func everyNameAKindHasPasses(kind: MessageKind, source: String) throws {
        var templates = MessageTemplates()
        try templates.add(source, for: kind)
        #expect(MessageTemplates.undefinedVariables(in: source, of: kind).isEmpty)
    }

    @Test func theVariablesOfEachKindAreExactlyTheValuesItsContextGives() throws {
        var escalation = FormatTests.message
        escalation.kind = .escalation
        escalation.escalation = EscalationRef(id: "esc_1", policy: "p", level: 1, levels: 2, ackURL: "https://x/ack/t")
        let details = TemplateDetails(
            deliverables: ["a"], dependsOn: ["b"], downstream: Downstream(blocked: ["c"], isCritical: true),
            baseline: CivilDate(iso: "2026-11-27"), slipDays: 5, ownerName: "Alice Ng"
        )
        for message in [FormatTests.message, escalation, DigestRenderFixture.message(), Self.bundle] {
            // A bundle's composition works out no details: its milestones say what its items say.
            let context = MessageTemplates.context(for: message, details: message.kind == .bundle ? [] : [details])
            let given = Self.names(of: context)
            let declared = Self.names(of: MessageTemplates.variables(of: message.kind))
            #expect(given.subtracting(declared).isEmpty, "\(message.kind) gives values it does not declare")
            // A digest's rows have optional values; the milestone kinds give every value they declare.
            if message.kind != .digest {
                #expect(declared.subtracting(given).isEmpty, "\(message.kind) declares values it never gives")
            }
        }
    }

    /// Two reminders and an escalation notice to alice, sent as one.
    static var bundle: OutgoingMessage {
        let reminder = FormatTests.message
        let items = [
            BundleItem(
                id: "msg_1", decidedAt: reminder.createdAt, kind: .reminder, rules: ["due-soon", "weekly"],
                project: reminder.project, milestones: reminder.milestones, text: "Design sign-off is due Fri 4 Dec."
            ),
            BundleItem(
                id: "msg_2", decidedAt: reminder.createdAt, kind: .escalation, rules: ["overdue"],
                project: reminder.project, milestones: reminder.milestones, text: "Build is overdue.",
                escalation: EscalationRef(id: "esc_1", policy: "p", level: 1, levels: 2, ackURL: "https://x/ack/t")
            ),
        ]
        var bundle = reminder
        bundle.kind = .bundle
        bundle.items = items
        return bundle
    }

    @Test func aBundleTemplateWalksItsItems() throws {
        var templates = MessageTemplates()
        try templates.add("""
            {{#items}}
            - {{kind}} {{#rules}}{{.}}{{^last()}}+{{/last()}}{{/rules}}: {{text}}{{#escalation}} (level \
            {{level}}){{/escalation}}
            {{/items}}
            """, for: .bundle)
        #expect(templates.text(for: Self.bundle) == """
            - reminder due-soon+weekly: Design sign-off is due Fri 4 Dec.
            - escalation overdue: Build is overdue. (level 1)
            """)
    }

    /// Every dotted path in a context (`milestone.title`; a list's elements as `milestones[]`).
    static func names(of value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { names, member in
                let name = prefix + member.key
                names.insert(name)
                names.formUnion(Self.names(of: member.value, prefix: name + "."))
            }
        }
        if let list = value as? [Any], !(value is [String]) {
            return list.reduce(into: Set<String>()) { $0.formUnion(Self.names(of: $1, prefix: prefix)) }
        }
        return []
    }

    /// Every dotted path the variables declare.
    static func names(of variables: [String: TemplateVariable], prefix: String = "") -> Set<String> {
        variables.reduce(into: Set<String>()) { names, member in
            let name = prefix + member.key
            names.insert(name)
            var inner = member.value
            if case .list(let element) = inner { inner = element }
            if case .object(let children) = inner { names.formUnion(Self.names(of: children, prefix: name + ".")) }
        }
    }
}
