import Foundation
import HeraldApp
import HeraldCore
import Testing

/// `herald plan --by person` and bundles in `herald plan`: each person's volume over the window (a bundle one message
/// to each of its recipients), and a bundle listed as it will arrive, its items under it.
@Suite struct PlanByPersonTests {
    static let london = TimeZone(identifier: "Europe/London")!
    static let window = PlanWindow(
        from: Date(timeIntervalSince1970: 1_796_083_200), until: Date(timeIntervalSince1970: 1_796_083_200 + 7 * 86_400)
    )  // Tue 1 Dec 2026 00:00 (London, which is UTC in winter) to Tue 8 Dec

    static func at(_ day: Int, _ hour: Int) -> Date {
        Date(timeIntervalSince1970: 1_796_083_200 + Double((day - 1) * 86_400 + hour * 3_600))
    }

    static let apollo = ProjectRef(id: "apollo", name: "Apollo ERP upgrade")
    static let design = MilestoneRef(
        id: "design-signoff", title: "Design sign-off", due: CivilDate(iso: "2026-12-03")!, status: .atRisk,
        owner: "alice"
    )

    static func message(
        _ id: String, _ kind: MessageKind, to recipients: [String], on channel: String, at date: Date,
        items: [BundleItem]? = nil
    ) -> PlanEntry {
        PlanEntry(sendAt: date, message: OutgoingMessage(
            id: id, createdAt: date, kind: kind, rule: kind == .bundle ? nil : "due-soon", project: apollo,
            milestones: [design], channel: channel, recipients: recipients, mentions: [],
            text: kind == .bundle ? "2 milestones need you today" : "Design sign-off · Apollo ERP upgrade is due.",
            items: items
        ))
    }

    static func item(_ id: String, _ kind: MessageKind, _ rules: [String], _ text: String) -> BundleItem {
        BundleItem(id: id, decidedAt: at(1, 9), kind: kind, rules: rules, project: apollo, milestones: [design],
                   text: text)
    }

    static let bundle = message("msg_b", .bundle, to: ["carol", "bob"], on: "email", at: at(1, 9), items: [
        item("msg_i1", .reminder, ["due-soon", "critical-slip"], "Design sign-off · Apollo ERP upgrade is due Thu."),
        item("msg_i2", .escalation, ["overdue"], "Escalation level 1 of 3: Data migration plan is overdue."),
    ])

    static let plan = Plan(window: window, entries: [
        bundle,
        message("msg_1", .reminder, to: ["carol"], on: "slack", at: at(1, 9)),
        message("msg_2", .reminder, to: ["carol"], on: "slack", at: at(2, 9)),
        message("msg_3", .reminder, to: ["alice"], on: "slack", at: at(3, 9)),
        message("msg_4", .announcement, to: [], on: "eng", at: at(3, 10)),
    ], warnings: [])

    static let names = ["carol": Person(key: "carol", name: "Carol Diaz"), "bob": Person(key: "bob", name: "Bob Roe")]

    @Test func aBundleIsOneMessageToEachOfItsRecipients() {
        let volumes = PersonVolume.of(Self.plan.entries, in: Self.london)
        #expect(volumes.map(\.person) == ["carol", "alice", "bob", nil])
        let carol = volumes[0]
        #expect(carol.messages == 3 && carol.items == 4)
        #expect(carol.channels == [.init(channel: "slack", messages: 2), .init(channel: "email", messages: 1)])
        #expect(carol.busiestDay == CivilDate(iso: "2026-12-01") && carol.busiestDayMessages == 2)
        #expect(volumes[2].messages == 1 && volumes[2].items == 2, "Bob gets the bundle alone")
    }

    @Test func byPersonReadsAsAVolumeReport() {
        #expect(PlanReport.people(Self.plan, names: Self.names, in: Self.london) == """
            Plan 2026-12-01 00:00 to 2026-12-08 00:00 (Europe/London): 5 messages to 3 people

            Carol Diaz (carol): 3 messages (4 items) · slack 2, email 1 · busiest day Tue 1 Dec, 2 messages
            alice: 1 message · slack 1 · busiest day Thu 3 Dec, 1 message
            Bob Roe (bob): 1 message (2 items) · email 1 · busiest day Tue 1 Dec, 1 message
            Nobody named (channel posts): 1 message · eng 1 · busiest day Thu 3 Dec, 1 message
            """)
    }

    @Test func byPersonJSONGivesTheSameFigures() throws {
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(PlanReport.peopleJSON(Self.plan, names: Self.names, in: Self.london).utf8)
        ) as? [String: Any])
        let people = try #require(json["people"] as? [[String: Any]])
        #expect(people.map { $0["person"] as? String } == ["carol", "alice", "bob", nil])
        #expect(people[0]["name"] as? String == "Carol Diaz" && people[0]["messages"] as? Int == 3)
        #expect(people[0]["channels"] as? [String: Int] == ["slack": 2, "email": 1])
        #expect((people[0]["busiest_day"] as? [String: Any])?["date"] as? String == "2026-12-01")
    }

    @Test func aBundleIsListedAsItWillArriveWithItsItemsIndented() {
        #expect(PlanReport.line(Self.bundle, in: Self.london) == """
            09:00  bundle of 2 → carol, bob @ email: 2 milestones need you today
                   reminder  due-soon  critical-slip  apollo/design-signoff: Design sign-off · Apollo ERP upgrade is \
            due Thu.
                   escalation  overdue  apollo/design-signoff: Escalation level 1 of 3: Data migration plan is overdue.
            """)
    }

    @Test func theSimulatedExampleConfigCountsEveryMessageOfEveryPerson() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let arguments = ["plan", "--config", example.configPath, "--from", "2026-11-30", "--horizon", "30d"]
        let plan = try PlanTests.plan(example, from: "2026-11-30")
        let run = try HeraldExecutable.run(arguments + ["--by", "person"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Plan 2026-11-30 00:00 to 2026-12-30 00:00 (Europe/London): "
            + "\(plan.messages.count) messages to 4 people")
        for (key, name) in [("alice", "Alice Ng"), ("bob", "Bob Roe"), ("carol", "Carol Diaz"), ("dan", "Dan Okafor")] {
            let count = plan.messages.filter { $0.recipients.contains(key) }.count
            #expect(lines.contains { $0.hasPrefix("\(name) (\(key)): \(count) message") }, "\(key): \(count)")
        }
        let counts = lines.dropFirst().compactMap { $0.firstMatch(of: #/\): (\d+) message/#).map { Int($0.1)! } }
        #expect(counts == counts.sorted(by: >), "the most messaged first")
        let json = try HeraldExecutable.run(arguments + ["--by", "person", "--json"])
        #expect(json.status == 0 && json.output.contains("\"busiest_day\""))
    }
}
