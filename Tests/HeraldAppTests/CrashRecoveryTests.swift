import Foundation
import GRDB
import HeraldCore
import HeraldTestSupport
import Testing

/// `kill -9` of the real `herald serve` process in the middle of a burst, then a restart.
@Suite(.serialized) struct CrashRecoveryTests {
    func serve(_ fixture: AppFixture) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HeraldExecutable.path)
        process.arguments = ["serve", "--config", fixture.configPath]
        process.environment = fixture.environment.merging(["HERALD_LOG_LEVEL": "error"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killDashNineInABurstLosesNothingAndKeepsMessageIDs() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: HeraldExecutable.path),
                     "build the herald executable first (swift build)")
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        // The first 40 are answered; then the receiver stops answering, so however loaded the machine, the kill
        // lands in the middle of the burst with deliveries in flight.
        for _ in 0..<40 { receiver.enqueue(.status(200, body: "ok")) }
        receiver.defaultResponse = .hang
        let count = 300
        let milestones = (0..<count).map {
            "  - { id: m\($0), title: Milestone \($0), owner: alice, due: \(Self.dueSoon), status: in_progress }"
        }.joined(separator: "\n")
        // On the real clock: an urgent rule, or reminders decided out of working hours would wait for the morning.
        let fixture = try AppFixture(
            receiverURL: receiver.url, retry: "[200ms, 200ms]", urgent: true, milestones: milestones
        )
        defer { fixture.directory.remove() }

        let first = try serve(fixture)
        #expect(await eventually { receiver.requests.count >= 40 }, "the burst has started")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let arrivedBeforeKill = Set(receiver.requests.compactMap { $0.headers["webhook-id"] })

        let database = try DatabaseQueue(path: fixture.directory.path + "/state/herald.sqlite")
        let (messageIDs, inFlightAtKill) = try await database.read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM messages"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries WHERE lease_until IS NOT NULL") ?? 0)
        }
        #expect(messageIDs.count == count, "every reminder was in the outbox before the kill")
        #expect(arrivedBeforeKill.count < count, "the kill came in the middle of the burst")

        receiver.defaultResponse = .status(200, body: "ok")
        let second = try serve(fixture)
        defer {
            second.terminate()
            second.waitUntilExit()
        }
        #expect(await eventually(timeout: .seconds(30)) {
            Set(receiver.requests.compactMap { $0.headers["webhook-id"] }).count == count
        }, "after the restart every message arrived")
        let ids = receiver.requests.compactMap { $0.headers["webhook-id"] }
        #expect(Set(ids) == Set(messageIDs), "each with its original webhook-id")
        #expect(ids.count - count <= inFlightAtKill, "duplicates are bounded by what was in flight at the kill")
    }

    /// Two business days after today (London), so the `due-soon` rule holds.
    static var dueSoon: String {
        let calendar = HeraldCore.BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
        return calendar.addingBusinessDays(2, to: calendar.today(at: Date())).description
    }
}
