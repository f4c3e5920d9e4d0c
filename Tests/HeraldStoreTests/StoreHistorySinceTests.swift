import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreHistorySinceTests {
    @Test func historySinceATimeIsEveryMilestonesLaterLinesInOrder() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design")]), project("zeus", [milestone("launch")])],
                        source: fileSource, at: t0)
        var moved = milestone("design", due: "2026-12-11")
        moved.status = .atRisk
        try store.apply(projects: [project([moved]), project("zeus", [milestone("launch", status: .done)])],
                        source: fileSource, at: t0 + 60)
        try store.apply(projects: [project([moved])], source: fileSource, at: t0 + 120)

        let lines = { (since: Date?) in
            try store.history(since: since).map {
                "\(Int($0.at.timeIntervalSince(t0))) \($0.projectID)/\($0.milestoneID) \($0.change.field): "
                    + "\($0.change.oldValue ?? "nil") -> \($0.change.newValue ?? "nil")"
            }
        }
        #expect(try lines(t0) == [
            "60 apollo/design due: 2026-12-04 -> 2026-12-11",
            "60 apollo/design status: in_progress -> at_risk",
            "60 zeus/launch status: in_progress -> done",
            "120 zeus/launch removed: nil -> nil",
        ])
        #expect(try lines(t0 + 60) == ["120 zeus/launch removed: nil -> nil"], "a line at `since` is not after it")
        #expect(try lines(t0 + 120).isEmpty)
        let all = try lines(nil)
        #expect(all.count == 10 + 4, "five creation lines per milestone, then the rest")
        #expect(all.first == "0 apollo/design title: nil -> Title of design")
    }
}
