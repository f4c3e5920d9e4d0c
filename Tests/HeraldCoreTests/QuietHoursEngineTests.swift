import Foundation
import Testing
@testable import HeraldCore

/// The rule engine holds what it decides inside someone's quiet or off hours, unless the rule is urgent.
@Suite struct QuietHoursEngineTests {
    /// The engine fixture with `eng` as a webhook (the fixture's console channels are never held).
    static func configuration(urgent: Bool) throws -> Configuration {
        var rule = try EngineFixture.rule(notify: [.owner, .manager])
        rule.urgent = urgent
        var announce = try EngineFixture.rule("status", when: "status == \"at_risk\"", notify: [.owner])
        announce.trigger = .change(.statusChanged)
        announce.urgent = urgent
        var configuration = EngineFixture.configuration(
            rules: [rule, announce],
            projects: [EngineFixture.project(milestones: [EngineFixture.milestone(), EngineFixture.milestone("build")])]
        )
        configuration.channels["eng"] = Channel(
            name: "eng", kind: .webhook(url: Secret("https://hooks.example.com/h"), secrets: [])
        )
        return configuration
    }

    /// (urgent, decision time London, expected release London or nil).
    static let cases: [(Bool, Date, Date?)] = [
        (false, EngineFixture.at("2026-12-01", 2), EngineFixture.at("2026-12-01", 9)),
        (false, EngineFixture.at("2026-12-01", 10), nil),
        (true, EngineFixture.at("2026-12-01", 2), nil),
    ]

    @Test(arguments: cases) func scheduledRules(urgent: Bool, at now: Date, release: Date?) throws {
        var run = EngineRun(configuration: try Self.configuration(urgent: urgent))
        let messages = run.tick(now)
        #expect(messages.count == 2, "design and build, each to alice and bob on eng")
        #expect(messages.allSatisfy { $0.heldUntil == release && $0.createdAt == now })
        if release != nil {
            #expect(messages.allSatisfy {
                $0.holdReason == "outside working hours for alice (09:00-17:30 Europe/London), outside working hours "
                    + "for bob (09:00-17:30 Europe/London) until Tue 1 Dec 09:00"
            })
        } else {
            #expect(messages.allSatisfy { $0.holdReason == nil })
        }
    }

    @Test(arguments: cases) func changeRules(urgent: Bool, at now: Date, release: Date?) throws {
        let engine = RuleEngine(configuration: try Self.configuration(urgent: urgent))
        let before = EngineFixture.milestone()
        var after = before
        after.status = .atRisk
        let change = MilestoneChange(
            projectID: "apollo", milestoneID: "design", kind: .updated,
            fields: [FieldChange(field: "status", oldValue: "in_progress", newValue: "at_risk")], previous: before,
            current: after
        )
        let messages = engine.evaluate(changes: [change], updatedAt: now).messages
        #expect(messages.count == 1)
        #expect(messages.first?.heldUntil == release)
    }

    @Test func messagesStoredBeforeHoldsExistedStillDecode() throws {
        let stored = """
            {"id": "msg_1", "createdAt": 1790000000, "kind": "reminder", "rule": "due-soon", "milestones": [],
             "channel": "eng", "recipients": ["alice"], "mentions": ["<@U1>"], "text": "Hello"}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let message = try decoder.decode(OutgoingMessage.self, from: Data(stored.utf8))
        #expect(message.heldUntil == nil)
        #expect(message.holdReason == nil)
        #expect(message.releasedAt == Date(timeIntervalSince1970: 1_790_000_000))
    }
}
