import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A store with one project whose milestone `design` was due 2026-12-03 and, after one engine round on
/// 2026-12-04 09:00 (Europe/London), one open escalation, one message to `#eng` and its pending delivery; and the
/// routes over it with the API token `s3cret`.
struct ServerFixture {
    static let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
    static let token = "s3cret"

    let store: HeraldStore
    let configuration: Configuration
    let now: Date
    let operations = TestOperations()

    init() throws {
        store = try HeraldStore.inMemory()
        let policy = EscalationPolicy(name: "missed-deadline", levels: [.init(after: nil, notify: [.owner])])
        let rule = Rule(
            name: "overdue", condition: try RuleExpression.compile("days_overdue >= 1"), action: .escalate(policy.name)
        )
        let design = Milestone(
            projectID: "apollo", id: "design", title: "Design sign-off", owner: "alice",
            due: CivilDate(iso: "2026-12-03")!, baseline: CivilDate(iso: "2026-11-27")!, status: .inProgress
        )
        let project = Project(
            id: "apollo", name: "Apollo", manager: "bob", channel: "eng", milestones: [design],
            sourceFile: "apollo.yaml"
        )
        configuration = Configuration(
            file: "herald.yaml", stateDirectory: "/tmp", projectsDirectory: "/tmp", calendar: Self.calendar,
            server: ServerSettings(listen: "127.0.0.1:0", apiToken: Secret(Self.token)),
            people: ["alice": Person(key: "alice", name: "Alice", channel: "eng")],
            channels: ["eng": Channel(name: "eng", kind: .console)], rules: [rule],
            escalations: [policy.name: policy], projects: [project]
        )
        now = Self.at("2026-12-04", 9)
        _ = try store.apply(projects: [project], source: { "file:\($0.id).yaml" }, at: Self.at("2026-12-01", 9))
        let engine = RuleEngine(configuration: configuration)
        let decisions = engine.evaluate(
            milestones: try store.trackedMilestones(), states: try store.ruleStates(),
            escalations: try store.currentEscalations(), now: now
        )
        try store.commit(
            ruleStates: decisions.ruleStates, messages: decisions.messages, escalations: decisions.escalations, at: now
        )
    }

    static func at(_ day: String, _ hour: Int) -> Date {
        calendar.instant(of: CivilDate(iso: day)!, minuteOfDay: hour * 60)
    }

    /// Runs `body` against the routes in-process.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await test(configuration: configuration, body)
    }

    /// Runs `body` against the routes with `configuration` loaded (nil: none loaded), in-process unless `setup` says
    /// otherwise (`.live`: over a real socket on 127.0.0.1), with `serverKey` and `actions`.
    func test(
        configuration: Configuration?, setup: TestingSetup = .router, serverKey: ServerKey? = nil,
        actions: (any ServerActions)? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let now = now
        let router = ServerRouter(
            store: store, configuration: { configuration }, now: { now }, serverKey: { serverKey }, actions: actions,
            operations: operations
        ).build()
        try await Application(router: router).test(setup, body)
    }
}

/// `Authorization: Bearer s3cret`, and `Content-Type: application/json` for the requests that send a body.
let authorized: HTTPFields = [
    .authorization: "Bearer \(ServerFixture.token)", .contentType: "application/json",
]

/// The response body parsed as JSON; nil when it is not JSON.
func json(_ response: TestResponse) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

/// The `entries` of a `GET /api/v1/log` page; nil when the body has none.
func logEntries(_ response: TestResponse) -> [[String: Any]]? {
    (json(response) as? [String: Any])?["entries"] as? [[String: Any]]
}

/// The `error` text of a JSON error response; nil when the body has none.
func errorText(_ response: TestResponse) -> String? {
    (json(response) as? [String: Any])?["error"] as? String
}

/// A request body holding `text`.
func body(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
}
