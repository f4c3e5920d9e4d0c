import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The communication log as a project manager reads it: people by their names, never by a channel's mention
/// strings, and a filter keeping one person's events.
@Suite struct StoreLogPersonTests {
    /// A message to alice (mentioned as `<@U1>`), one to bob (mentioned as `<at>Bob Stone</at>`), a suppression of
    /// one to bob, bob's snooze and alice's chat command.
    private func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        var toBob = message("msg_bob", at: t0.addingTimeInterval(60))
        toBob.recipients = ["bob"]
        toBob.mentions = ["<at>Bob Stone</at>"]
        let suppression = Suppression(
            at: t0.addingTimeInterval(120), day: date("2026-12-01"), kind: .reminder, rule: "due-soon",
            projectID: "apollo", milestoneID: "design", recipients: ["bob"], channels: ["eng"],
            reasonCode: "snoozed", reason: "snoozed until Mon 7 Dec"
        )
        try store.commit(
            ruleStates: [], messages: [message("msg_alice"), toBob], suppressions: [suppression], at: t0
        )
        try store.record(chat: ChatExchange(
            at: t0.addingTimeInterval(180), platform: "slack", userID: "U1", person: "alice", channel: "eng",
            text: "status apollo", answer: "All on track.", outcome: .applied, projectID: "apollo", milestoneID: nil
        ))
        return store
    }

    private static let names = ["alice": "Alice Ng", "bob": "Bob Stone"]
    private static let zone = TimeZone(identifier: "UTC")!

    @Test(arguments: [
        (nil, ["message msg_alice", "message msg_bob", "suppressed", "chat"]),
        ("alice", ["message msg_alice", "chat"]),
        ("bob", ["message msg_bob", "suppressed"]),
        ("carol", []),
    ] as [(String?, [String])])
    func thePersonFilterKeepsTheirEvents(person: String?, expected: [String]) throws {
        let events = try store().timeline(LogFilter(person: person))
        #expect(events.map(Self.kind) == expected)
    }

    @Test func linesNamePeopleNotMentions() throws {
        let lines = try store().timeline(LogFilter()).map { LogReport.line($0, names: Self.names, in: Self.zone) }
        #expect(lines[0].contains("#eng → Alice Ng · reminder due-soon"))
        #expect(lines[1].contains("#eng → Bob Stone · reminder due-soon"))
        #expect(lines[2].contains("suppressed reminder due-soon → Bob Stone on #eng"))
        #expect(lines[3].contains("slack U1 (Alice Ng) in #eng: status apollo"))
        #expect(lines.allSatisfy { !$0.contains("<@U1>") && !$0.contains("<at>") })
    }

    @Test func aPersonWithoutANameIsShownByKey() throws {
        let line = LogReport.line(try #require(try store().timeline(LogFilter()).first), in: Self.zone)
        #expect(line.contains("#eng → alice · reminder"))
    }

    @Test func jsonCarriesTheRecipientsNames() throws {
        let json = LogReport.json(try store().timeline(LogFilter(person: "bob")), names: Self.names)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.map { $0["recipients"] as? [String] } == [["bob"], ["bob"]])
        #expect(items.map { $0["recipient_names"] as? [String] } == [["Bob Stone"], ["Bob Stone"]])
    }

    private static func kind(_ event: LogEvent) -> String {
        switch event {
        case .message(let entry): "message \(entry.message.id)"
        case .suppressed: "suppressed"
        case .changed: "changed"
        case .snoozed, .unsnoozed: "snooze"
        case .acknowledged: "ack"
        case .chat: "chat"
        }
    }
}
