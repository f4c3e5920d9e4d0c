import Foundation
import Testing
@testable import HeraldCore

/// Change rules (`on:`): each trigger, evaluated on the new state with `previous.FIELD` available.
@Suite struct ChangeRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var trigger: ChangeKind
        var when: String
        /// nil: the milestone is created.
        var before: Milestone?
        var after: Milestone
        /// The announcement's recipients and text; nil when the rule must not fire.
        var expected: (recipients: [String], text: String)?
        var testDescription: String { name }
    }

    static let base = EngineFixture.milestone(due: "2026-12-04")

    static func changed(_ change: (inout Milestone) -> Void) -> Milestone {
        var milestone = base
        change(&milestone)
        return milestone
    }

    /// The fields that differ, as the store reports them.
    static func change(from before: Milestone?, to after: Milestone) -> MilestoneChange {
        var fields: [FieldChange] = []
        if before?.status != after.status {
            fields.append(FieldChange(field: "status", oldValue: before?.status.rawValue, newValue: after.status.rawValue))
        }
        if before?.due != after.due {
            fields.append(FieldChange(field: "due", oldValue: before?.due.description, newValue: after.due.description))
        }
        if before?.owner != after.owner {
            fields.append(FieldChange(field: "owner", oldValue: before?.owner, newValue: after.owner))
        }
        return MilestoneChange(
            projectID: after.projectID, milestoneID: after.id, kind: before == nil ? .created : .updated,
            fields: fields, previous: before, current: after
        )
    }

    @Test(arguments: [
        Case(name: "created fires for a new milestone", trigger: .created, when: "true", before: nil, after: base,
             expected: (["bob"], "Design sign-off · Apollo ERP upgrade was added, due Fri 4 Dec.")),
        Case(name: "created ignores an update", trigger: .created, when: "true", before: base,
             after: changed { $0.status = .atRisk }, expected: nil),
        Case(name: "status_changed to done", trigger: .statusChanged, when: "status == \"done\"", before: base,
             after: changed { $0.status = .done },
             expected: (["bob"], "Design sign-off · Apollo ERP upgrade: status in progress → done.")),
        Case(name: "status_changed whose when does not hold", trigger: .statusChanged, when: "status == \"done\"",
             before: base, after: changed { $0.status = .atRisk }, expected: nil),
        Case(name: "status_changed reads previous.status", trigger: .statusChanged,
             when: "previous.status == \"at_risk\" and status == \"in_progress\"",
             before: changed { $0.status = .atRisk }, after: base,
             expected: (["bob"], "Design sign-off · Apollo ERP upgrade: status at risk → in progress.")),
        Case(name: "status_changed ignores a due change", trigger: .statusChanged, when: "true", before: base,
             after: changed { $0.due = CivilDate(iso: "2026-12-11")! }, expected: nil),
        Case(name: "due_changed later than before", trigger: .dueChanged, when: "due > previous.due", before: base,
             after: changed { $0.due = CivilDate(iso: "2026-12-11")! },
             expected: (["bob"], "Design sign-off · Apollo ERP upgrade: due Fri 4 Dec → Fri 11 Dec. "
                 + "It is now 10 business days behind its baseline, Fri 27 Nov.")),
        Case(name: "due_changed earlier does not hold", trigger: .dueChanged, when: "due > previous.due",
             before: base, after: changed { $0.due = CivilDate(iso: "2026-12-02")! }, expected: nil),
        Case(name: "owner_changed names the new owner", trigger: .ownerChanged, when: "previous.owner == \"alice\"",
             before: base, after: changed { $0.owner = "carol" },
             expected: (["carol"], "Design sign-off · Apollo ERP upgrade: owner Alice Ng → Carol Diaz.")),
    ])
    func trigger(_ example: Case) throws {
        let recipients: [Recipient] = example.trigger == .ownerChanged ? [.owner] : [.manager]
        let rule = Rule(
            name: "announce", trigger: .change(example.trigger), condition: try RuleExpression.compile(example.when),
            action: .notify(recipients)
        )
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [example.after])]
        ))
        let decisions = engine.evaluate(
            changes: [Self.change(from: example.before, to: example.after)],
            updatedAt: EngineFixture.at("2026-11-30", 10)
        )
        if let expected = example.expected {
            let message = try #require(decisions.messages.first)
            #expect(decisions.messages.count == 1)
            #expect(message.kind == .announcement && message.rule == "announce")
            #expect(message.recipients == expected.recipients)
            #expect(message.text == expected.text)
        } else {
            #expect(decisions.messages.isEmpty)
        }
    }

    /// Who made a change and where, as the store records it, and how the announcement says it.
    @Test(arguments: [
        ("api", "Hannah Lee", " Changed by Hannah Lee through the API."),
        ("api", "dan", " Changed by Dan Okafor through the API."),
        ("api", nil, " Changed through the API."),
        ("chat:alice", "alice", " Changed by Alice Ng in chat."),
        ("file:apollo.yaml", nil, " Changed in apollo.yaml."),
        (nil, nil, ""),
    ] as [(String?, String?, String)])
    func anAnnouncementNamesWhoMadeTheChange(source: String?, actor: String?, said: String) throws {
        let rule = Rule(
            name: "announce", trigger: .change(.statusChanged), condition: try RuleExpression.compile("true"),
            action: .notify([.manager])
        )
        let after = Self.changed { $0.status = .done }
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [after])]
        ))
        var change = Self.change(from: Self.base, to: after)
        change.source = source
        change.actor = actor
        let message = try #require(
            engine.evaluate(changes: [change], updatedAt: EngineFixture.at("2026-11-30", 10)).messages.first
        )
        #expect(message.text == "Design sign-off · Apollo ERP upgrade: status in progress → done.\(said)")
        #expect(message.actor == actor)
        #expect(message.changes == change.fields)
    }

    @Test func aLaterDueDateNamesWhatItPutsAtRiskAcrossProjectsAndTheCriticalPath() throws {
        let rule = Rule(
            name: "moved", trigger: .change(.dueChanged), condition: try RuleExpression.compile("true"),
            action: .notify([.manager])
        )
        let after = Self.changed { $0.due = CivilDate(iso: "2026-12-11")! }
        let downstream = (1...4).map { index in
            Milestone(projectID: "dcm", id: "step\(index)", title: "Step \(index)", owner: "dan",
                      due: CivilDate(iso: "2027-01-0\(index + 4)")!,
                      dependsOn: [index == 1 ? "apollo/design" : "step\(index - 1)"])
        }
        let engine = RuleEngine(configuration: EngineFixture.configuration(
            rules: [rule], projects: [EngineFixture.project(milestones: [after])]
        ))
        let message = try #require(engine.evaluate(
            changes: [Self.change(from: Self.base, to: after)], updatedAt: EngineFixture.at("2026-11-30", 10),
            milestones: [Self.base] + downstream
        ).messages.first)
        #expect(message.text.hasSuffix("It is on the critical path; this puts at risk Step 1 · dcm, Step 2 · dcm, "
            + "Step 3 · dcm and 1 more."))
        let reference = try #require(message.milestones.first)
        #expect(reference.critical == true)
        #expect(reference.blocks == ["dcm/step1", "dcm/step2", "dcm/step3", "dcm/step4"])
    }

    @Test func anEarlierDueDatePutsNothingAtRisk() {
        let text = MessageText.change(
            milestone: Self.base, projectName: "Apollo ERP upgrade",
            fields: [FieldChange(field: "due", oldValue: "2026-12-11", newValue: "2026-12-04")],
            today: CivilDate(iso: "2026-12-01")!, downstream: Downstream(blocked: ["Go-live · Zeus"], isCritical: true)
        )
        #expect(text == "Design sign-off · Apollo ERP upgrade: due Fri 11 Dec → Fri 4 Dec.")
    }

    @Test func anAnnouncementQuotesTheNoteTheChangeCameWith() {
        let text = MessageText.change(
            milestone: Self.changed { $0.status = .done }, projectName: "Apollo ERP upgrade", fields: [
                FieldChange(field: "status", oldValue: "in_progress", newValue: "done"),
                FieldChange(field: "note", oldValue: nil, newValue: "signed off by the board"),
            ], today: CivilDate(iso: "2026-12-01")!
        )
        #expect(text == "Design sign-off · Apollo ERP upgrade: status in progress → done. "
            + "Note: signed off by the board")
    }
}
