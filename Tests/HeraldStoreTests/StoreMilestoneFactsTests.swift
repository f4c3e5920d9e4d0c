import Foundation
import GRDB
import HeraldCore
@testable import HeraldStore
import Testing

/// One day's change to the milestone `design`, applied from its project file or through the API.
enum FactsStep: Sendable, CustomStringConvertible {
    case file(due: String, status: MilestoneStatus)
    case api(due: String, status: MilestoneStatus)
    /// The project file no longer lists it.
    case removed

    var description: String {
        switch self {
        case .file(let due, let status): return "file \(due) \(status.rawValue)"
        case .api(let due, let status): return "api \(due) \(status.rawValue)"
        case .removed: return "removed"
        }
    }
}

@Suite struct StoreMilestoneFactsTests {
    @Test(arguments: [
        // (steps, one a day from t0; expected times moved, last move, day the status last changed)
        ([.file(due: "2026-12-04", status: .planned)], 0, nil, 0),
        ([.file(due: "2026-12-04", status: .planned), .api(due: "2026-12-11", status: .planned)],
         1, ("2026-12-04", "2026-12-11"), 0),
        ([.file(due: "2026-12-04", status: .planned), .api(due: "2026-12-18", status: .planned),
          .file(due: "2026-12-21", status: .planned), .api(due: "2026-12-09", status: .planned)],
         3, ("2026-12-21", "2026-12-09"), 0),
        ([.file(due: "2026-12-04", status: .planned), .api(due: "2026-11-30", status: .planned)],
         1, ("2026-12-04", "2026-11-30"), 0),
        ([.file(due: "2026-12-04", status: .planned), .api(due: "2026-12-04", status: .inProgress),
          .file(due: "2026-12-07", status: .inProgress), .api(due: "2026-12-07", status: .done),
          .file(due: "2026-12-07", status: .done)],
         1, ("2026-12-04", "2026-12-07"), 3),
        // created anew after a removal: earlier moves stay counted, the re-creation sets the status anew
        ([.file(due: "2026-12-04", status: .planned), .api(due: "2026-12-11", status: .planned), .removed,
          .file(due: "2026-12-18", status: .planned)],
         1, ("2026-12-04", "2026-12-11"), 3),
    ] as [([FactsStep], Int, (String, String)?, Int)])
    func historyFactsAreKeptAndBackfilled(
        steps: [FactsStep], timesMoved: Int, lastMove: (String, String)?, statusDay: Int
    ) throws {
        let store = try HeraldStore.inMemory()
        var lastChange: MilestoneChange?
        for (index, step) in steps.enumerated() {
            let at = t0 + Double(index) * 86_400
            switch step {
            case .file(let due, let status):
                let design = milestone("design", due: due, status: status)
                lastChange = try store.apply(projects: [project([design])], source: fileSource, at: at).last
            case .api(let due, let status):
                lastChange = try store.apply(
                    milestone: milestone("design", due: due, status: status), source: "api", at: at
                )
            case .removed:
                lastChange = try store.apply(projects: [project([])], source: fileSource, at: at).last
            }
        }
        let expected = MilestoneHistoryFacts(
            timesMoved: timesMoved, lastMove: lastMove.map { DueMove(from: date($0.0), to: date($0.1)) },
            statusChangedAt: t0 + Double(statusDay) * 86_400
        )
        #expect(try store.trackedMilestones().map(\.history) == [expected], "\(steps)")
        #expect(lastChange == nil || lastChange?.history == expected, "\(steps)")

        // The same history in a store written before v7: its migration backfills the same facts.
        try store.writer.write { db in
            try db.execute(sql: """
                ALTER TABLE milestones DROP COLUMN due_moves;
                ALTER TABLE milestones DROP COLUMN due_moved_from;
                ALTER TABLE milestones DROP COLUMN due_moved_to;
                ALTER TABLE milestones DROP COLUMN status_changed_at;
                DELETE FROM grdb_migrations WHERE identifier = 'v7-milestone-facts';
                """)
        }
        let migrated = try HeraldStore(writer: store.writer)
        #expect(try migrated.trackedMilestones().map(\.history) == [expected], "\(steps)")
    }

    @Test func apiChangeCommitsItsAnnouncementsInTheSameTransaction() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)

        var decided: [MilestoneChange] = []
        let change = try store.apply(
            milestone: milestone("design", due: "2026-12-11"), source: "api", at: t0 + 60
        ) { changes in
            decided = changes
            var decisions = EngineDecisions()
            decisions.messages = [message("msg_moved", at: t0 + 60)]
            decisions.ruleStates = [ruleState("moved", "design")]
            return decisions
        }
        #expect(decided == [try #require(change)])
        #expect(change?.history?.timesMoved == 1)
        #expect(try store.message(id: "msg_moved")?.text == "Message msg_moved")
        #expect(try store.deliveries(states: [.pending], channel: nil, limit: 10).map(\.messageID) == ["msg_moved"])
        #expect(try store.ruleStates().keys.map(\.rule) == ["moved"])

        // Nothing changed: nothing to decide.
        var asked = false
        try store.apply(milestone: milestone("design", due: "2026-12-11"), source: "api", at: t0 + 120) { _ in
            asked = true
            return EngineDecisions()
        }
        #expect(!asked)

        // An announcement that cannot be committed (its id is taken) rolls the change back with it.
        #expect(throws: (any Error).self) {
            try store.apply(milestone: milestone("design", status: .done), source: "api", at: t0 + 180) { _ in
                var decisions = EngineDecisions()
                decisions.messages = [message("msg_moved", at: t0 + 180)]
                return decisions
            }
        }
        #expect(try store.trackedMilestones().map(\.milestone.status) == [.inProgress])
        #expect(try store.history(projectID: "apollo", milestoneID: "design").map(\.source).last == "api")
        #expect(try store.history(projectID: "apollo", milestoneID: "design").count == 6)
    }
}
