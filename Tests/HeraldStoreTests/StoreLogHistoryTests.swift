import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The communication log as a project manager reads it: the milestones' changes among the messages, a held message
/// where it was released, and the whole of it as a spreadsheet.
@Suite struct StoreLogHistoryTests {
    private static let utc = TimeZone(identifier: "UTC")!
    private static let names = ["alice": "Alice Ng", "bob": "Bob Roe", "mike": "Mike Lee"]

    /// Mon 21 Sep 2026, UTC: `design` (alice's) and `build` (bob's) created from their file at 14:13; a reminder to
    /// alice decided at 14:23 and held for quiet hours until 16:13; a reminder to bob at 14:43, delivered then; the
    /// file moves design's due at 15:13; mike marks build done through the API at 15:43; the held reminder is
    /// delivered at 16:13.
    private func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        var design = milestone("design")
        var build = milestone("build", owner: "bob")
        try store.apply(projects: [project([design, build])], source: fileSource, at: t0)
        var held = message("msg_held", at: t0 + 600)
        held.heldUntil = t0 + 7200
        held.holdReason = "quiet hours for Alice Ng"
        var toBob = message("msg_bob", at: t0 + 1800, milestones: ["build"])
        toBob.recipients = ["bob"]
        toBob.mentions = ["<@U2>"]
        toBob.text = "Build, \"the big one\", is due\n=SUM(A1)"
        try store.commit(ruleStates: [], messages: [held, toBob], at: t0 + 600)
        try StoreEscalationTests.deliverAll(store, at: t0 + 1800)
        design.due = date("2026-12-11")
        try store.apply(projects: [project([design, build])], source: fileSource, at: t0 + 3600)
        build.status = .done
        try store.apply(milestone: build, source: "api", at: t0 + 5400, actor: "mike")
        try store.releaseAll(at: t0 + 7200) // as the rule tick releases it when its hold ends
        try StoreEscalationTests.deliverAll(store, at: t0 + 7200)
        return store
    }

    /// What each event is, in order, changes by milestone and field.
    private static func kinds(_ events: [LogEvent]) -> [String] {
        events.map { event in
            switch event {
            case .message(let entry): entry.message.id
            case .changed(let change): "\(change.milestoneID) \(change.change.field)"
            case .suppressed: "suppressed"
            case .snoozed, .unsnoozed: "snooze"
            case .acknowledged: "ack"
            case .chat: "chat"
            }
        }
    }

    @Test func changesAreInterleavedAndAHeldMessageStandsAtItsRelease() throws {
        let events = try store().timeline(LogFilter())
        #expect(Self.kinds(events) == ["msg_bob", "design due", "build status", "msg_held"],
                "a milestone's creation is its history's, not a change of the log")
        #expect(events.last?.time == t0 + 7200)
    }

    @Test func sinceAndLimitCountAHeldMessageFromItsRelease() throws {
        let store = try store()
        #expect(Self.kinds(try store.timeline(LogFilter(since: t0 + 3600)))
            == ["design due", "build status", "msg_held"])
        #expect(Self.kinds(try store.timeline(LogFilter(limit: 3))) == ["design due", "build status", "msg_held"])
    }

    @Test(arguments: [
        ("alice", ["design due", "msg_held"]),
        ("bob", ["msg_bob", "build status"]),
        ("mike", ["build status"]),
    ])
    func thePersonFilterKeepsTheChangesOfWhatTheyOwnOrDid(person: String, expected: [String]) throws {
        #expect(Self.kinds(try store().timeline(LogFilter(person: person))) == expected)
    }

    @Test func aChannelOrStateFilterLeavesChangesOut() throws {
        let store = try store()
        #expect(Self.kinds(try store.timeline(LogFilter(channel: "eng"))) == ["msg_bob", "msg_held"])
        #expect(Self.kinds(try store.timeline(LogFilter(state: .delivered))) == ["msg_bob", "msg_held"])
    }

    @Test func linesSayTheChangeInWordsAndTheHeldMessagesDecisionBesideItsRelease() throws {
        let lines = try store().timeline(LogFilter(since: t0 + 3600)).map {
            LogReport.line($0, names: Self.names, in: Self.utc)
        }
        #expect(lines == [
            "2026-09-21 15:13 changed apollo/design · due: Fri 4 Dec → Fri 11 Dec (file apollo.yaml)",
            "2026-09-21 15:43 changed apollo/build · status: in progress → done (API, by Mike Lee)",
            "2026-09-21 16:13 #eng → Alice Ng · reminder due-soon · Message msg_held · delivered in 5 ms · "
                + "held until 2026-09-21 16:13 (quiet hours for Alice Ng), decided 2026-09-21 14:23",
        ])
    }

    @Test func jsonHasChangeEventsAndAMessagesReleaseAndDecision() throws {
        let json = LogReport.json(try store().timeline(LogFilter(since: t0 + 5400)), names: Self.names)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["event"] as? String == "change")
        #expect(items[0]["project"] as? String == "apollo")
        #expect(items[0]["milestones"] as? [String] == ["build"])
        #expect(items[0]["field"] as? String == "status")
        #expect(items[0]["from"] as? String == "in_progress")
        #expect(items[0]["to"] as? String == "done")
        #expect(items[0]["source"] as? String == "api")
        #expect(items[0]["actor"] as? String == "mike")
        #expect(items[0]["actor_name"] as? String == "Mike Lee")
        #expect(items[1]["event"] as? String == "message")
        #expect(items[1]["time"] as? String == ISO8601.string(t0 + 7200))
        #expect(items[1]["decided_at"] as? String == ISO8601.string(t0 + 600))
    }

    @Test func csvQuotesAsRFC4180AndNamesPeople() throws {
        let store = try store()
        let events = try store.timeline(LogFilter(since: t0 + 1800))
        let csv = LogReport.csv(events, names: Self.names, in: Self.utc)
        let delivered = try #require(try store.log(LogFilter()).first { $0.message.id == "msg_bob" }?.delivery)
        let deliveredAt = ConsoleLine.localTime(try #require(delivered.deliveredAt), in: Self.utc)
        let heldRow = try Self.heldRow(store)
        #expect(csv == [
            "time (\(Self.utc.identifier)),event,project,milestone,channel,people,kind,rule,text,state,decided,"
                + "delivered",
            "2026-09-21 14:43,message,apollo,build,eng,Bob Roe,reminder,due-soon,"
                + "\"Build, \"\"the big one\"\", is due\n=SUM(A1)\",delivered in 5 ms,2026-09-21 14:43,\(deliveredAt)",
            "2026-09-21 15:13,change,apollo,design,,,due,,due: Fri 4 Dec → Fri 11 Dec (file apollo.yaml),,,",
            "2026-09-21 15:43,change,apollo,build,,Mike Lee,status,,"
                + "\"status: in progress → done (API, by Mike Lee)\",,,",
        ].joined(separator: "\r\n") + "\r\n" + heldRow)
    }

    private static func heldRow(_ store: HeraldStore) throws -> String {
        let held = try #require(try store.log(LogFilter()).first { $0.message.id == "msg_held" }?.delivery)
        let deliveredAt = ConsoleLine.localTime(try #require(held.deliveredAt), in: utc)
        return "2026-09-21 16:13,message,apollo,design,eng,Alice Ng,reminder,due-soon,Message msg_held,"
            + "\"delivered in 5 ms · held until 2026-09-21 16:13 (quiet hours for Alice Ng), decided 2026-09-21 "
            + "14:23\",2026-09-21 14:23,\(deliveredAt)\r\n"
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=1+1", "'=1+1"), ("-2", "'-2"), ("@here", "'@here"), ("+x, y", "\"'+x, y\""),
    ])
    func aFieldIsQuotedOnlyWhenItMustBe(text: String, field: String) {
        #expect(LogReport.csvField(text) == field)
    }
}
