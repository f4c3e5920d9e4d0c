import Foundation
import HeraldCore
import HeraldStore
import Testing

/// An API change to `status`, `due` or `owner` lasts until the project file itself changes that field.
@Suite struct StoreFileValuesTests {
    private static func apply(_ store: HeraldStore, _ milestone: Milestone, at offset: TimeInterval) throws {
        try store.apply(projects: [project([milestone])], source: fileSource, at: t0 + offset)
    }

    private static func stored(_ store: HeraldStore) throws -> Milestone {
        try #require(try store.projects().first?.milestones.first)
    }

    @Test func anEditElsewhereInTheFileKeepsTheAPIChange() throws {
        let store = try HeraldStore.inMemory()
        try Self.apply(store, milestone("design", due: "2026-12-04"), at: 0)
        var changed = milestone("design", owner: "bob", due: "2026-12-11", status: .done)
        try store.apply(milestone: changed, source: "api", at: t0 + 60)
        try Self.apply(store, milestone("design", title: "Design sign-off v2", due: "2026-12-04"), at: 120)
        changed.title = "Design sign-off v2"
        #expect(try Self.stored(store) == changed)
        let fileRows = try store.history(projectID: "apollo", milestoneID: "design").filter { $0.at == t0 + 120 }
        #expect(fileRows.map(\.change.field) == ["title"])
    }

    @Test func theFileWinsForAFieldItChanged() throws {
        let store = try HeraldStore.inMemory()
        try Self.apply(store, milestone("design", due: "2026-12-04"), at: 0)
        try store.apply(milestone: milestone("design", due: "2026-12-11", status: .atRisk), source: "api", at: t0 + 60)
        try Self.apply(store, milestone("design", due: "2026-12-18"), at: 120)
        let stored = try Self.stored(store)
        #expect(stored.due == date("2026-12-18"), "the file moved the due date itself")
        #expect(stored.status == .atRisk, "the file's status is as it was: the API's stays")
    }

    @Test func aFileThatCaughtUpDoesNotUndoALaterAPIChange() throws {
        let store = try HeraldStore.inMemory()
        try Self.apply(store, milestone("design", due: "2026-12-04"), at: 0)
        try store.apply(milestone: milestone("design", due: "2026-12-11"), source: "api", at: t0 + 60)
        try Self.apply(store, milestone("design", due: "2026-12-11"), at: 120)
        try store.apply(milestone: milestone("design", due: "2026-12-18"), source: "api", at: t0 + 180)
        try Self.apply(store, milestone("design", title: "Renamed", due: "2026-12-11"), at: 240)
        #expect(try Self.stored(store).due == date("2026-12-18"))
    }

    @Test func aMilestoneRemovedAndBackKeepsTheAPIChange() throws {
        let store = try HeraldStore.inMemory()
        try Self.apply(store, milestone("design", due: "2026-12-04"), at: 0)
        try store.apply(milestone: milestone("design", due: "2026-12-11", status: .atRisk), source: "api", at: t0 + 60)
        try store.apply(projects: [project([])], source: fileSource, at: t0 + 120)
        #expect(try store.trackedMilestones().isEmpty)
        try Self.apply(store, milestone("design", due: "2026-12-04"), at: 180)
        let stored = try Self.stored(store)
        #expect(stored.due == date("2026-12-11"), "the file states the due date it did before: the API's stays")
        #expect(stored.status == .atRisk)
    }

    @Test func aKeptProjectIsLeftAsItIs() throws {
        let store = try HeraldStore.inMemory()
        let zeus = project("zeus", [milestone("go", project: "zeus")])
        try store.apply(projects: [project([milestone("design")]), zeus], source: fileSource, at: t0)
        let changes = try store.apply(
            projects: [project([milestone("design")])], keeping: ["zeus"], source: fileSource, at: t0 + 60
        )
        #expect(changes.isEmpty)
        #expect(try store.projects().map(\.id) == ["apollo", "zeus"])
        #expect(try store.trackedMilestones().map(\.milestone.id) == ["design", "go"])
        let removed = try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0 + 120)
        #expect(removed.map { "\($0.projectID)/\($0.milestoneID) \($0.kind)" } == ["zeus/go removed"])
    }
}
