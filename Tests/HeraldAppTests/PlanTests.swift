import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// `herald plan`: the forecast on the example config, its agreement with what the daemon sends, and its use of
/// the live store.
@Suite(.serialized) struct PlanTests {
    /// What a message said, where, and when it went out: the fields the plan and the daemon must agree on.
    struct Sent: Hashable, Comparable, CustomStringConvertible {
        var sendAt: Int
        var channel: String
        var kind: String
        var rule: String?
        var recipients: [String]
        var text: String

        static func < (lhs: Sent, rhs: Sent) -> Bool { lhs.description < rhs.description }

        var description: String {
            "\(sendAt) #\(channel) \(kind) \(rule ?? "-") → \(recipients.joined(separator: ",")): \(text)"
        }
    }

    /// `herald plan --json`, decoded.
    struct PlanJSON: Decodable {
        var from: String
        var until: String
        var messages: [Message]
        var warnings: [String]

        struct Message: Decodable {
            var sendAt: String
            var decidedAt: String
            var kind: String
            var rule: String?
            var project: String?
            var milestone: String?
            var channel: String
            var recipients: [String]
            var text: String

            enum CodingKeys: String, CodingKey {
                case sendAt = "send_at", decidedAt = "decided_at", kind, rule, project, milestone, channel
                case recipients, text
            }
        }
    }

    /// A webhook delivery as the receiver got it: the attempt's timestamp header is the daemon's clock at sending.
    struct WebhookBody: Decodable {
        var data: Payload
        struct Payload: Decodable {
            var kind: String
            var rule: String?
            var recipients: [String]
            var text: String
        }
    }

    static func seconds(_ iso: String) throws -> Int {
        Int(try #require(ISO8601DateFormatter().date(from: iso)).timeIntervalSince1970)
    }

    static func plan(_ example: ExampleConfig, from: String, horizon: String = "30d") throws -> PlanJSON {
        let run = try HeraldExecutable.run(
            ["plan", "--config", example.configPath, "--from", from, "--horizon", horizon, "--json"]
        )
        #expect(run.status == 0)
        return try JSONDecoder().decode(PlanJSON.self, from: Data(run.output.utf8))
    }

    @Test func theExampleConfigGivesAReadableThirtyDayForecastAndWritesNoStore() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let run = try HeraldExecutable.run(["plan", "--config", example.configPath, "--from", "2026-11-30"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Plan 2026-11-30 00:00 to 2026-12-30 00:00 (Europe/London): 18 messages")
        // Monday: the overdue data migration plan opens an escalation to its owner; the design sign-off is due
        // tomorrow and has slipped.
        #expect(lines.dropFirst().starts(with: ["", "Mon 30 Nov"]))
        #expect(lines[3].hasPrefix(
            "00:00  escalation L1  overdue  apollo/data-migration-plan → dan @ console: Escalation level 1 of 3: "
                + "Data migration plan · Apollo ERP upgrade is 4 business days overdue;"
        ))
        #expect(lines[4] == "00:00  reminder  due-soon  apollo/design-signoff → alice @ console: Design sign-off "
            + "· Apollo ERP upgrade is due in 1 business day, Tue 1 Dec. It has slipped 5 business days from its "
            + "baseline, Tue 24 Nov. Needed: Solution design document. It is on the critical path; a slip delays "
            + "User acceptance testing complete · Apollo ERP upgrade.")
        #expect(lines[5] == "00:00  reminder  critical-slip  apollo/design-signoff → bob, carol @ console: Design "
            + "sign-off · Apollo ERP upgrade is due in 1 business day, Tue 1 Dec. It has slipped 5 business days "
            + "from its baseline, Tue 24 Nov. Needed: Solution design document. It is on the critical path; a slip "
            + "delays User acceptance testing complete · Apollo ERP upgrade.")
        // The ladder climbs a level a business day, then repeats the last level three times (max_repeats); levels
        // and repeats counted in business days fall at the start of working hours. The last two repeats reach carol
        // at the same moment as the design sign-off's notices: one message each morning carries both.
        let ladder = lines.filter { $0.contains("apollo/data-migration-plan") }
            .map { $0.components(separatedBy: "  overdue").first }
        #expect(ladder == [
            "00:00  escalation L1", "09:00  escalation L2", "09:00  escalation L3", "09:00  escalation L3 again",
            "       escalation L3 again", "       escalation L3 again",
        ], "the last two repeats are items of a bundle, indented under it")
        #expect(lines.filter {
            $0 == "09:00  bundle of 2 → carol @ console: 2 milestones are escalated to you"
        }.count == 2, "Mon 7 and Tue 8 Dec")
        let days = lines.filter { $0.wholeMatch(of: #/[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}/#) != nil }
        #expect(days == [
            "Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Mon 7 Dec", "Tue 8 Dec", "Wed 9 Dec",
            "Thu 10 Dec", "Mon 14 Dec", "Mon 21 Dec", "Mon 28 Dec",
        ], "business-day levels and repeats skip the weekend; the weekly digest goes every Monday")
        #expect(lines.filter { $0.hasPrefix("09:00  digest  weekly-sponsor  apollo → carol @ console: Digest ") }
            .count == 5)
        #expect(lines.contains("       AMBER (first digest): Data migration plan · Apollo ERP upgrade is 4 business "
            + "days overdue (due Tue 24 Nov)."), "a digest's further lines are indented under the time")
        #expect(!lines.contains("Warnings:"))
        #expect(!FileManager.default.fileExists(atPath: example.stateDirectory), "plan creates no live store")
    }

    @Test func badOptionsAreNamed() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        for (arguments, option) in [(["--from", "soon"], "--from"), (["--horizon", "30 parsecs"], "--horizon")] {
            let run = try HeraldExecutable.run(["plan", "--config", example.configPath] + arguments)
            #expect(run.status != 0, "\(option) is refused")
        }
    }

    /// The daemon over the window: applies the project files at the start, then ticks at every decision instant,
    /// every hour, and whenever a delivery falls due, with the dispatcher sending what is due at each step
    /// before the clock moves on. Returns what the receiver got.
    static func deliveredByTheDaemon(
        _ example: ExampleConfig, window: PlanWindow, receiver: TestHTTPReceiver
    ) async throws -> [Sent] {
        let configuration = try ConfigLoader.load(path: example.configPath, environment: [:])
        let clock = TestClock(window.from)
        let runtime = try HeraldRuntime(
            configuration: configuration,
            options: RuntimeOptions(environment: [:], now: { clock.now }, random: { 0.5 }, consoleOutput: { _ in }),
            logger: Logger(label: "test")
        )
        let dispatcher = Task { await runtime.dispatcher.run() }
        try await runtime.applyProjects()
        var time = window.from
        while time < window.until {
            clock.set(time)
            try await runtime.tick()
            runtime.dispatcher.wakeup.signal()
            let now = time
            let sent = await eventually {
                try runtime.store.deliveries(states: [.pending, .retrying], channel: nil, limit: 10_000)
                    .allSatisfy { $0.nextAttemptAt > now }
            }
            try #require(sent, "every delivery due at \(ISO8601.string(time)) is sent")
            let next: [Date?] = [
                time.addingTimeInterval(3600), try await runtime.nextDecisionTime(after: time),
                try runtime.store.nextAttemptTime(),
            ]
            time = try #require(next.compactMap { $0 }.filter { $0 > time }.min())
        }
        runtime.dispatcher.stop()
        await dispatcher.value
        await runtime.shutdown()
        return try receiver.requests.map { request in
            let body = try JSONDecoder().decode(WebhookBody.self, from: Data(request.body))
            return Sent(
                sendAt: try #require(request.headers["webhook-timestamp"].flatMap(Int.init)),
                channel: String(request.path.dropFirst()), kind: body.data.kind, rule: body.data.rule,
                recipients: body.data.recipients, text: body.data.text
            )
        }
    }

    /// Alice in New York, quiet from 19:00 to 08:00 there.
    static let aliceQuietInNewYork = [(
        #"mention: "@alice" }"#, #"mention: "@alice", timezone: America/New_York, quiet_hours: "19:00-08:00" }"#
    )]

    /// Chat channels (unlike the console) hold what is decided out of working hours until 09:00. From midnight every
    /// decision falls at a midnight and is held; from 10:37 the repeats and escalation levels fall at 10:37, off the
    /// daemon's hourly steps, and go out at once, while rules that start to hold still fire at midnight; with
    /// Alice in New York, her messages wait for 09:00 there (14:00 in London). Whatever the example configures, the
    /// plan and the daemon must agree.
    @Test(arguments: [
        ("2026-11-30", [], "2026-11-30T09:00:00Z"), ("2026-11-30T10:37", [], "2026-11-30T10:37:00Z"),
        ("2026-11-30", aliceQuietInNewYork, "2026-11-30T14:00:00Z"),
    ] as [(String, [(String, String)], String)])
    func planJSONMatchesWhatTheDaemonSendsOverTheSameWindow(
        from: String, edits: [(String, String)], aliceFirstTold: String
    ) async throws {
        let receiver = try TestHTTPReceiver(path: "/")
        defer { receiver.stop() }
        let example = try ExampleConfig(receiverURL: receiver.url(path: ""), edits: edits)
        defer { example.directory.remove() }
        let plan = try Self.plan(example, from: from)
        #expect(plan.messages.first { $0.recipients == ["alice"] }?.sendAt == aliceFirstTold)
        let window = PlanWindow(
            from: Date(timeIntervalSince1970: Double(try Self.seconds(plan.from))),
            until: Date(timeIntervalSince1970: Double(try Self.seconds(plan.until)))
        )
        let planned = try plan.messages.map { message in
            Sent(sendAt: try Self.seconds(message.sendAt), channel: message.channel, kind: message.kind,
                 rule: message.rule, recipients: message.recipients, text: message.text)
        }
        #expect(!planned.isEmpty)
        #expect(planned.map(\.sendAt) == planned.map(\.sendAt).sorted(), "the plan is in send order")
        let delivered = try await Self.deliveredByTheDaemon(example, window: window, receiver: receiver)
        #expect(delivered.sorted() == planned.sorted())
    }

    @Test func planStartsFromTheLiveStoreAndNeverWritesIt() async throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let configuration = try ConfigLoader.load(path: example.configPath, environment: [:])
        // The daemon ran at midnight on Mon 30 Nov and decided that day's messages; they have not gone out yet.
        let clock = TestClock(AppFixture.at("2026-11-30", 0))
        let daemon = try HeraldRuntime(
            configuration: configuration,
            options: RuntimeOptions(environment: [:], now: { clock.now }, consoleOutput: { _ in }),
            logger: Logger(label: "test")
        )
        let decided = try await daemon.applyProjects().messages.count + daemon.tick().messages.count
        #expect(decided == 3)
        let log = try daemon.store.log(LogFilter())
        let states = try daemon.store.ruleStates()

        let window = PlanWindow(from: AppFixture.at("2026-11-30", 12), until: AppFixture.at("2026-12-01", 12))
        let plan = try await PlanSimulator.run(
            configuration: configuration, window: window, logger: Logger(label: "test")
        )
        // Monday's waiting messages go out at the start of the window; Monday's rules do not fire again; the 09:00
        // digest the daemon has not sent yet goes at once (late); Tuesday's repeat and next escalation level come at
        // the start of working hours.
        let monday = plan.entries.filter { $0.decidedAt == AppFixture.at("2026-11-30", 0) }
        #expect(monday.count == 3)
        #expect(monday.allSatisfy { $0.sendAt == window.from })
        let later = Array(plan.entries.dropFirst(3))
        #expect(later.first?.message.kind == .digest && later.first?.sendAt == window.from)
        #expect(later.first?.message.digest?.late == true, "its 09:00 slot passed while no daemon ran")
        let morning = AppFixture.at("2026-12-01", 9)
        #expect(later.dropFirst().map(\.sendAt) == [morning, morning])
        #expect(later.dropFirst().compactMap(\.message.rule).sorted() == ["due-soon", "overdue"])
        #expect(later.compactMap(\.message.escalation?.level) == [2], "the ladder goes on")

        #expect(try daemon.store.log(LogFilter()) == log, "the live store's messages are untouched")
        #expect(try daemon.store.ruleStates() == states, "the live store's rule states are untouched")
        await daemon.shutdown()
    }

    @Test func warnsAboutUnreachableRecipientsAndEscalationsTooLongForTheTimeLeft() async throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        var configuration = try ConfigLoader.load(path: example.configPath, environment: [:])
        // Take dan's channel away, and the project's (through which he would still be reached), and add an
        // escalation whose ladder outlasts the time left before the due date.
        configuration.people["dan"]?.channel = nil
        configuration.projects[0].channel = nil
        configuration.escalations["slipping"] = EscalationPolicy(name: "slipping", levels: [
            .init(after: nil, notify: [.owner]), .init(after: .businessDays(3), notify: [.manager]),
        ])
        configuration.rules.append(Rule(
            name: "slipping", condition: try RuleExpression.compile("business_days_until_due <= 1"),
            action: .escalate("slipping")
        ))
        let window = PlanWindow(from: AppFixture.at("2026-11-30", 0), until: AppFixture.at("2026-12-02", 0))
        let plan = try await PlanSimulator.run(
            configuration: configuration, window: window, logger: Logger(label: "test")
        )
        #expect(plan.warnings == [
            "rule overdue, apollo/data-migration-plan: owner: dan has no channel and the project none",
            "rule slipping, apollo/data-migration-plan: owner: dan has no channel and the project none",
            "rule slipping, apollo/design-signoff: escalation slipping opens 2026-11-30 00:00 and reaches level 2 "
                + "2026-12-03 09:00, after the due date Tue 1 Dec",
        ])
        #expect(PlanReport.text(plan, in: configuration.calendar.timeZone).hasSuffix("""

            Warnings:
            - \(plan.warnings[0])
            - \(plan.warnings[1])
            - \(plan.warnings[2])
            """))
    }
}
