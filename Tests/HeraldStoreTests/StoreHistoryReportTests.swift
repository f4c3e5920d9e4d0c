import Foundation
import HeraldCore
import HeraldStore
import Testing

/// `HistoryReport`: a milestone's history as a project manager reads it, with the actor of each change.
@Suite struct StoreHistoryReportTests {
    private static let utc = TimeZone(identifier: "UTC")!
    private static let names = ["alice": "Alice Ng", "bob": "Bob Roe"]

    /// `design` created from its file at t0 (Mon 21 Sep 2026 14:13 UTC), its due moved by the file an hour later,
    /// then set to done through the API by mike with a note, and given to bob by bob in chat, a day later.
    private func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        var design = milestone("design")
        try store.apply(projects: [project([design])], source: fileSource, at: t0)
        design.due = date("2026-12-11")
        try store.apply(projects: [project([design])], source: fileSource, at: t0 + 3600)
        design.status = .done
        try store.apply(milestone: design, source: "api", at: t0 + 86_400, note: "signed off", actor: "mike")
        design.owner = "bob"
        try store.apply(milestone: design, source: "chat:bob", at: t0 + 90_000, actor: "bob")
        return store
    }

    @Test func linesSayWhenWhatFromWhereAndByWhomInWords() throws {
        let report = try HistoryReport(store: store(), projectID: "apollo", milestoneID: "design")
        #expect(report.lines(names: Self.names, in: Self.utc) == [
            "Mon 21 Sep 2026 14:13  design  title: none → Title of design  (file apollo.yaml)",
            "Mon 21 Sep 2026 14:13  design  owner: none → Alice Ng  (file apollo.yaml)",
            "Mon 21 Sep 2026 14:13  design  due: none → Fri 4 Dec  (file apollo.yaml)",
            "Mon 21 Sep 2026 14:13  design  status: none → in progress  (file apollo.yaml)",
            "Mon 21 Sep 2026 14:13  design  critical: none → no  (file apollo.yaml)",
            "Mon 21 Sep 2026 15:13  design  due: Fri 4 Dec → Fri 11 Dec  (file apollo.yaml)",
            "Tue 22 Sep 2026 14:13  design  status: in progress → done  (API, by mike)",
            "Tue 22 Sep 2026 14:13  design  note: \"signed off\"  (API, by mike)",
            "Tue 22 Sep 2026 15:13  design  owner: Alice Ng → Bob Roe  (chat, by Bob Roe)",
        ])
    }

    @Test func aNoteCannotRecolourTheTerminalOrForgeALine() throws {
        let store = try HeraldStore.inMemory()
        let design = milestone("design")
        try store.apply(projects: [project([design])], source: fileSource, at: t0)
        let note = "ok\u{1B}[2J\nFri 4 Dec forged"
        try store.apply(milestone: design, source: "api", at: t0 + 60, note: note, actor: "mike")
        let report = try HistoryReport(store: store, projectID: "apollo", milestoneID: "design")
        #expect(report.lines(names: Self.names, in: Self.utc).last
            == "Mon 21 Sep 2026 14:14  design  note: \"ok\u{FFFD}[2J Fri 4 Dec forged\"  (API, by mike)")
    }

    @Test func sinceKeepsOnlyWhatWasRecordedFromThen() throws {
        let report = try HistoryReport(
            store: store(), projectID: "apollo", milestoneID: nil, since: t0 + 86_400
        )
        #expect(report.entries.map(\.field) == ["status", "note", "owner"])
        #expect(report.entries.map(\.actor) == ["mike", "mike", "bob"])
    }

    @Test func jsonHasEachEntrysSourceAndActorNullForTheFile() throws {
        let report = try HistoryReport(
            store: store(), projectID: "apollo", milestoneID: "design", since: t0 + 3600
        )
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [[String: Any]]
        )
        #expect(entries.count == 4)
        #expect(entries[0]["at"] as? String == "2026-09-21T15:13:20Z")
        #expect(entries[0]["field"] as? String == "due")
        #expect(entries[0]["from"] as? String == "2026-12-04")
        #expect(entries[0]["to"] as? String == "2026-12-11")
        #expect(entries[0]["source"] as? String == "file:apollo.yaml")
        #expect(entries[0]["actor"] is NSNull)
        #expect(entries[2]["from"] is NSNull)
        #expect(entries.map { $0["actor"] as? String } == [nil, "mike", "mike", "bob"])
        #expect(entries.map { $0["source"] as? String } == ["file:apollo.yaml", "api", "api", "chat:bob"])
    }

    @Test(arguments: [
        ("zeus", "design", "unknown project 'zeus'"),
        ("zeus", nil, "unknown project 'zeus'"),
        ("apollo", "qa", "unknown milestone 'qa' in project 'apollo'"),
    ])
    func anUnknownProjectOrMilestoneIsNamed(_ projectID: String, _ milestoneID: String?, _ error: String) throws {
        let store = try store()
        let thrown = #expect(throws: HistoryReport.UnknownTarget.self) {
            try HistoryReport(store: store, projectID: projectID, milestoneID: milestoneID)
        }
        #expect(thrown?.description == error)
    }

    @Test func aRemovedMilestoneKeepsItsHistory() throws {
        let store = try store()
        try store.apply(projects: [project([])], source: fileSource, at: t0 + 100_000)
        let report = try HistoryReport(store: store, projectID: "apollo", milestoneID: "design")
        #expect(report.lines(names: Self.names, in: Self.utc).last
            == "Tue 22 Sep 2026 18:00  design  removed  (file apollo.yaml)")
    }

    @Test func acknowledgementsAndSnoozesAreEventsAmongTheChanges() throws {
        let store = try store()
        let snooze = Snooze(
            projectID: "apollo", milestoneID: "design", end: .date(date("2026-09-28"), startsAt: t0 + 7 * 86_400),
            by: "bob", note: "on leave", createdAt: t0 + 7200
        )
        try store.add(snooze: snooze)
        try store.liftSnooze(projectID: "apollo", milestoneID: "design", at: t0 + 10_800)
        try store.add(snooze: Snooze(
            projectID: "apollo", milestoneID: nil, end: .dueChange(from: date("2026-12-11")), createdAt: t0 + 14_400
        ))
        let report = try HistoryReport(store: store, projectID: "apollo", milestoneID: "design", since: t0 + 3600)
        #expect(report.lines(names: Self.names, in: Self.utc) == [
            "Mon 21 Sep 2026 15:13  design  due: Fri 4 Dec → Fri 11 Dec  (file apollo.yaml)",
            "Mon 21 Sep 2026 16:13  design  snoozed until Mon 28 Sep: \"on leave\"  (by Bob Roe)",
            "Mon 21 Sep 2026 17:13  design  snooze lifted",
            "Mon 21 Sep 2026 18:13  whole project  snoozed until its due date changes",
            "Tue 22 Sep 2026 14:13  design  status: in progress → done  (API, by mike)",
            "Tue 22 Sep 2026 14:13  design  note: \"signed off\"  (API, by mike)",
            "Tue 22 Sep 2026 15:13  design  owner: Alice Ng → Bob Roe  (chat, by Bob Roe)",
        ])
        #expect(report.entries.map(\.source)
            == ["file:apollo.yaml", "snooze", "snooze", "snooze", "api", "api", "chat:bob"])
    }
}
