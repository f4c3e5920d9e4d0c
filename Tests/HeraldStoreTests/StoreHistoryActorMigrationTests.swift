import Foundation
import GRDB
import HeraldCore
@testable import HeraldStore
import Testing

/// `v13-history-actor`: a store written before it gets the actor of its chat changes from their source.
@Suite struct StoreHistoryActorMigrationTests {
    @Test func chatChangesGetTheirPersonAndTheOthersNone() throws {
        let store = try HeraldStore.inMemory()
        var design = milestone("design")
        try store.apply(projects: [project([design])], source: fileSource, at: t0)
        design.status = .done
        try store.apply(milestone: design, source: "api", at: t0 + 60)
        design.owner = "bob"
        try store.apply(milestone: design, source: "chat:bob", at: t0 + 120, actor: "bob")
        try store.writer.write { db in
            try db.execute(sql: """
                ALTER TABLE milestone_history DROP COLUMN actor;
                DELETE FROM grdb_migrations WHERE identifier = 'v13-history-actor';
                """)
        }
        let migrated = try HeraldStore(writer: store.writer)
        let history = try migrated.history(projectID: "apollo", milestoneID: "design")
        #expect(history.filter { $0.source == "chat:bob" }.map(\.actor) == ["bob"])
        #expect(history.filter { $0.source != "chat:bob" }.allSatisfy { $0.actor == nil })
    }
}
