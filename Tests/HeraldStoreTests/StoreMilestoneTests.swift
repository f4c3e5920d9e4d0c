import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreMilestoneTests {
    private func history(_ store: HeraldStore, _ id: String) throws -> [String] {
        try store.history(projectID: "apollo", milestoneID: id).map {
            "\($0.at.timeIntervalSince(t0)) \($0.source) \($0.change.field): "
                + "\($0.change.oldValue ?? "nil") -> \($0.change.newValue ?? "nil")"
        }
    }

    @Test func createRecordsEverySetField() throws {
        let store = try HeraldStore.inMemory()
        var design = milestone("design")
        design.baseline = date("2026-11-27")
        design.critical = true
        design.dependsOn = ["requirements"]
        design.labels = ["team": "core", "area": "erp"]
        let changes = try store.apply(projects: [project([design])], source: fileSource, at: t0)

        #expect(changes.count == 1)
        #expect(changes[0].kind == .created)
        #expect(changes[0].previous == nil)
        #expect(changes[0].current == design)
        #expect(try history(store, "design") == [
            "0.0 file:apollo.yaml title: nil -> Title of design",
            "0.0 file:apollo.yaml owner: nil -> alice",
            "0.0 file:apollo.yaml due: nil -> 2026-12-04",
            "0.0 file:apollo.yaml baseline: nil -> 2026-11-27",
            "0.0 file:apollo.yaml status: nil -> in_progress",
            "0.0 file:apollo.yaml critical: nil -> true",
            "0.0 file:apollo.yaml depends_on: nil -> [\"requirements\"]",
            "0.0 file:apollo.yaml labels: nil -> {\"area\":\"erp\",\"team\":\"core\"}",
        ])
        let tracked = try store.trackedMilestones()
        #expect(tracked == [TrackedMilestone(milestone: design, updatedAt: t0)])
    }

    @Test func updateRecordsOnlyChangedFields() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design"), milestone("build")])], source: fileSource, at: t0)

        var design = milestone("design", due: "2026-12-11", status: .atRisk)
        design.deliverables = ["Solution design"]
        let later = t0.addingTimeInterval(60)
        let changes = try store.apply(
            projects: [project([design, milestone("build")])], source: fileSource, at: later
        )

        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.kind == .updated)
        #expect(change.previous == milestone("design"))
        #expect(change.current == design)
        #expect(change.fields == [
            FieldChange(field: "due", oldValue: "2026-12-04", newValue: "2026-12-11"),
            FieldChange(field: "status", oldValue: "in_progress", newValue: "at_risk"),
            FieldChange(field: "deliverables", oldValue: nil, newValue: "[\"Solution design\"]"),
        ])
        #expect(try history(store, "design").suffix(3) == [
            "60.0 file:apollo.yaml due: 2026-12-04 -> 2026-12-11",
            "60.0 file:apollo.yaml status: in_progress -> at_risk",
            "60.0 file:apollo.yaml deliverables: nil -> [\"Solution design\"]",
        ])
        let updatedAt = Dictionary(
            uniqueKeysWithValues: try store.trackedMilestones().map { ($0.milestone.id, $0.updatedAt) }
        )
        #expect(updatedAt == ["design": later, "build": t0])
    }

    @Test func unchangedApplyRecordsNothing() throws {
        let store = try HeraldStore.inMemory()
        let projects = [
            project([milestone("design"), milestone("build")]), project("zeus", [milestone("go", project: "zeus")]),
        ]
        try store.apply(projects: projects, source: fileSource, at: t0)
        let before = try store.history(projectID: "apollo", milestoneID: nil)

        let changes = try store.apply(projects: projects, source: fileSource, at: t0.addingTimeInterval(3600))
        #expect(changes.isEmpty)
        #expect(try store.history(projectID: "apollo", milestoneID: nil) == before)
        #expect(try store.trackedMilestones().allSatisfy { $0.updatedAt == t0 })
        #expect(try store.projects() == projects)
    }

    @Test func removeAndRecreate() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design"), milestone("build")])], source: fileSource, at: t0)

        let removed = try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0 + 10)
        #expect(removed.map(\.kind) == [.removed])
        #expect(removed[0].milestoneID == "build")
        #expect(removed[0].previous == milestone("build"))
        #expect(removed[0].current == nil)
        #expect(try history(store, "build").last == "10.0 file:apollo.yaml removed: nil -> nil")
        #expect(try store.trackedMilestones().map(\.milestone.id) == ["design"])

        let back = try store.apply(
            projects: [project([milestone("design"), milestone("build", owner: "dave")])], source: fileSource,
            at: t0 + 20
        )
        #expect(back.map(\.kind) == [.created])
        #expect(back[0].previous == nil)
        #expect(try history(store, "build").suffix(6) == [
            "10.0 file:apollo.yaml removed: nil -> nil",
            "20.0 file:apollo.yaml title: nil -> Title of build",
            "20.0 file:apollo.yaml owner: nil -> dave",
            "20.0 file:apollo.yaml due: nil -> 2026-12-04",
            "20.0 file:apollo.yaml status: nil -> in_progress",
            "20.0 file:apollo.yaml critical: nil -> false",
        ])
        #expect(try store.trackedMilestones().map(\.milestone.id) == ["design", "build"])
    }

    @Test func projectNoLongerPresentRemovesItsMilestones() throws {
        let store = try HeraldStore.inMemory()
        let zeus = project("zeus", [milestone("go", project: "zeus"), milestone("live", project: "zeus")])
        try store.apply(projects: [project([milestone("design")]), zeus], source: fileSource, at: t0)

        let changes = try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0 + 5)
        #expect(
            changes.map { "\($0.projectID)/\($0.milestoneID) \($0.kind)" } == ["zeus/go removed", "zeus/live removed"]
        )
        #expect(try store.projects().map(\.id) == ["apollo"])
        #expect(try store.history(projectID: "zeus", milestoneID: "go").last?.source == "file:zeus.yaml")

        let again = try store.apply(projects: [project([milestone("design")]), zeus], source: fileSource, at: t0 + 9)
        #expect(again.map(\.kind) == [.created, .created])
        #expect(try store.projects().map(\.id) == ["apollo", "zeus"])
    }

    @Test func singleMilestoneUsesTheSameDiff() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)

        #expect(try store.apply(milestone: milestone("design"), source: "api", at: t0 + 1) == nil)
        let change = try #require(
            try store.apply(milestone: milestone("design", status: .done), source: "api", at: t0 + 2)
        )
        #expect(change.kind == .updated)
        #expect(change.fields == [FieldChange(field: "status", oldValue: "in_progress", newValue: "done")])
        #expect(try history(store, "design").last == "2.0 api status: in_progress -> done")

        let added = try store.apply(milestone: milestone("extra"), source: "api", at: t0 + 3)
        #expect(added?.kind == .created)
        #expect(try store.projects().first?.milestones.map(\.id) == ["design", "extra"])

        #expect(throws: HeraldStoreError.unknownProject("nope")) {
            try store.apply(milestone: milestone("x", project: "nope"), source: "api", at: t0)
        }
    }

    @Test func dueInstantRoundTripsAndIsDiffed() throws {
        let store = try HeraldStore.inMemory()
        var design = milestone("design")
        design.dueInstant = Date(timeIntervalSince1970: 1_796_400_000)
        try store.apply(projects: [project([design])], source: fileSource, at: t0)
        #expect(try store.trackedMilestones().first?.milestone == design)

        design.dueInstant = nil
        let change = try #require(try store.apply(milestone: design, source: "api", at: t0 + 1))
        #expect(change.fields == [FieldChange(field: "due_instant", oldValue: "2026-12-04T16:00:00Z", newValue: nil)])
    }
}

@Suite struct StoreProjectStatusTests {
    @Test func aProjectsStatusIsStoredAndFollowsItsFile() throws {
        let store = try HeraldStore.inMemory()
        var apollo = project([milestone("design")])
        apollo.status = .onHold
        try store.apply(projects: [apollo], source: fileSource, at: t0)
        #expect(try store.projects().map(\.status) == [.onHold])
        apollo.status = .active
        try store.apply(projects: [apollo], source: fileSource, at: t0.addingTimeInterval(60))
        #expect(try store.projects().map(\.status) == [.active])
    }
}
