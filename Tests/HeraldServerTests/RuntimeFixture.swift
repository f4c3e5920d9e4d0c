import Foundation
import HeraldApp
import HeraldCore
import HeraldServer
import HeraldStore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A real `HeraldRuntime` on a temporary state directory, on 2026-12-04 09:00 (Europe/London), with project `apollo`
/// (manager bob): `design` (alice, due 2026-12-03, in progress: overdue, so escalated to alice) and `build` (bob, due
/// 2026-12-18, planned); a `completed` change rule that tells the manager; alice's Slack id `U-ALICE`, bob's
/// Mattermost id `mm-bob`. The routes go through the runtime as the daemon's do.
struct RuntimeFixture {
    static let slackSecret = Secret("slack-signing-secret")
    static let mattermostToken = Secret("mm-token")

    let directory: TemporaryDirectory
    let runtime: HeraldRuntime
    let configuration: Configuration
    let now: Date

    init() async throws {
        directory = try TemporaryDirectory(prefix: "herald-server")
        let now = ServerFixture.at("2026-12-04", 9)
        self.now = now
        let policy = EscalationPolicy(name: "missed-deadline", levels: [.init(after: nil, notify: [.owner])])
        let rules = [
            Rule(
                name: "overdue", condition: try RuleExpression.compile("days_overdue >= 1"),
                action: .escalate(policy.name)
            ),
            Rule(
                name: "completed", trigger: .change(.statusChanged),
                condition: try RuleExpression.compile("status == \"done\""), action: .notify([.manager])
            ),
        ]
        let project = Project(
            id: "apollo", name: "Apollo", manager: "bob", channel: "eng", milestones: [
                Milestone(
                    projectID: "apollo", id: "design", title: "Design sign-off", owner: "alice",
                    due: CivilDate(iso: "2026-12-03")!, baseline: CivilDate(iso: "2026-11-27")!, status: .inProgress
                ),
                Milestone(
                    projectID: "apollo", id: "build", title: "Build", owner: "bob", due: CivilDate(iso: "2026-12-18")!
                ),
            ],
            sourceFile: directory.path + "/projects/apollo.yaml"
        )
        var alice = Person(key: "alice", name: "Alice Ng", channel: "eng")
        alice.chatIDs = ["U-ALICE"]
        var bob = Person(key: "bob", name: "Bob Roe", channel: "eng")
        bob.chatIDs = ["mm-bob"]
        configuration = Configuration(
            file: directory.path + "/herald.yaml", stateDirectory: directory.path + "/state",
            projectsDirectory: directory.path + "/projects", calendar: ServerFixture.calendar,
            server: ServerSettings(
                listen: "127.0.0.1:0", apiToken: Secret(ServerFixture.token),
                chat: ChatSettings(slackSigningSecret: Self.slackSecret, mattermostToken: Self.mattermostToken)
            ),
            people: ["alice": alice, "bob": bob], channels: ["eng": Channel(name: "eng", kind: .console)],
            rules: rules, escalations: [policy.name: policy], projects: [project]
        )
        runtime = try HeraldRuntime(
            configuration: configuration,
            options: RuntimeOptions(environment: [:], now: { now }, consoleOutput: { _ in }),
            logger: Logger(label: "herald-test")
        )
        try await runtime.applyProjects()
    }

    var store: HeraldStore { runtime.store }

    /// Runs `body` against the daemon's routes in-process (with `configuration` instead of the fixture's, when
    /// given, and verifying links with `serverKey`), then stops the runtime and removes the directory.
    func test(
        configuration: Configuration? = nil, serverKey: ServerKey? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let configuration = configuration ?? self.configuration
        let now = now
        let router = ServerRouter(
            store: runtime.store, configuration: { configuration }, now: { now }, serverKey: { serverKey },
            actions: runtime,
            operations: TestOperations()
        ).build()
        defer { directory.remove() }
        do {
            try await Application(router: router).test(.router, body)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    /// The stored milestone `id` of apollo.
    func milestone(_ id: String) throws -> Milestone? {
        try store.projects().first?.milestones.first { $0.id == id }
    }
}
