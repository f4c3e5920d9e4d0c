import Foundation
import Testing
@testable import HeraldCore

/// Every message kind as each platform family shows it to its reader, rendered from a real-shaped portfolio and
/// compared with the golden file a reader reviewed: `Goldens/KIND.txt` for the plain text (the console and the
/// generic webhook's `text`), `KIND.slack.txt` for Slack's blocks, `KIND.teams.txt` for the Teams card's text and
/// facts, `KIND.email.txt` for an email's text part. `HERALD_UPDATE_GOLDENS=1 swift test --filter
/// MessageGoldenTests` rewrites the files after a deliberate change.
@Suite struct MessageGoldenTests {
    static let calendar = EngineFixture.calendar
    static let today = CivilDate(iso: "2026-12-01")!
    static let now = EngineFixture.at("2026-12-01", 9)

    /// Apollo's design sign-off, late, blocking the build and, across projects, DCM's cut-over and go-live.
    static let design = Milestone(
        projectID: "apollo", id: "design", title: "Design sign-off", owner: "alice", due: CivilDate(iso: "2026-11-24")!,
        baseline: CivilDate(iso: "2026-11-20"), status: .atRisk, critical: true,
        deliverables: ["Solution design document", "Signed-off test plan"]
    )
    static let portfolio = [
        design,
        Milestone(projectID: "apollo", id: "build", title: "Build complete", owner: "bob",
                  due: CivilDate(iso: "2026-12-18")!, dependsOn: ["design"]),
        Milestone(projectID: "apollo", id: "launch", title: "Customer app launch (iOS + Android)", owner: "bob",
                  due: CivilDate(iso: "2027-02-12")!, baseline: CivilDate(iso: "2027-01-29"),
                  dependsOn: ["build", "dcm/cutover"]),
        Milestone(projectID: "dcm", id: "cutover", title: "Data centre cut-over", owner: "dan",
                  due: CivilDate(iso: "2027-01-15")!, dependsOn: ["apollo/design"]),
        Milestone(projectID: "dcm", id: "retire", title: "Old racks retired", owner: "dan",
                  due: CivilDate(iso: "2027-02-12")!, dependsOn: ["cutover"]),
        Milestone(projectID: "apollo", id: "signed", title: "Contract signed", owner: "carol",
                  due: CivilDate(iso: "2026-11-02")!, status: .done),
    ]
    static let graph = DependencyGraph(milestones: portfolio)
    static let projectNames = ["apollo": "Apollo ERP upgrade", "dcm": "Data centre move"]
    static let facts = MilestoneFacts(milestone: design, updatedAt: now, today: today, calendar: calendar)

    static let people: [String: Person] = {
        var alice = Person(key: "alice", name: "Alice Ng", mention: "<@U1>")
        alice.teams = "alice.ng@contoso.com"
        return [
            "alice": alice, "bob": Person(key: "bob", name: "Bob Roe"),
            "carol": Person(key: "carol", name: "Carol Diaz"), "dan": Person(key: "dan", name: "Dan Okafor"),
        ]
    }()
    static let names = people.mapValues(\.name)
    static let channels = [
        "eng": Channel(name: "eng", kind: .slack(url: "https://hooks.slack.example/eng")),
        "leadership": Channel(name: "leadership", kind: .teams(url: "https://teams.example/leadership")),
    ]
    static let readers = MessageReaders(people: people, projects: [
        Project(id: "apollo", name: "Apollo ERP upgrade", manager: "bob", sponsor: "carol"),
    ])

    static func downstream(of milestone: Milestone) -> Downstream {
        Downstream(of: milestone.key, in: graph) { projectNames[$0] ?? $0 }
    }

    static func escalation(level: Int, isRepeat: Bool = false, link: Bool = false) -> String {
        let notices = (1..<max(level, 1)).map { prior in
            EscalationNotice(level: prior, isRepeat: false, at: EngineFixture.at("2026-11-2\(4 + prior)", 9),
                             channel: prior == 1 ? "eng" : "leadership", people: prior == 1 ? ["alice"] : ["bob"],
                             mentions: [], messageID: "msg_\(prior)")
        } + (isRepeat ? [EscalationNotice(level: level, isRepeat: false, at: EngineFixture.at("2026-11-30", 9),
                                          channel: "leadership", people: ["carol"], mentions: [], messageID: "msg_r")]
                      : [])
        return MessageText.escalation(
            reference(level: level, isRepeat: isRepeat, link: link), milestone: design,
            projectName: "Apollo ERP upgrade", facts: facts, prior: notices, calendar: calendar,
            downstream: downstream(of: design), hasAckLink: link, names: names, channels: channels
        )
    }

    static func reference(level: Int, isRepeat: Bool = false, link: Bool = false) -> EscalationRef {
        EscalationRef(id: "esc_0123456789", policy: "missed-deadline", level: level, levels: 3, isRepeat: isRepeat,
                      ackURL: link ? "https://herald.example.com/ack/TOKEN" : nil)
    }

    /// An announcement of `fields` changed on `milestone` (as it is after the change) by `source` and `actor`.
    static func change(
        _ milestone: Milestone, _ fields: [FieldChange], source: String, actor: String?
    ) -> String {
        MessageText.change(
            milestone: milestone, projectName: "Apollo ERP upgrade", fields: fields, today: today,
            slipDays: MilestoneFacts(milestone: milestone, updatedAt: now, today: today, calendar: calendar).slipDays,
            source: source, actor: actor, names: names, downstream: downstream(of: milestone)
        )
    }

    static let moved = {
        var moved = design
        moved.due = CivilDate(iso: "2026-12-08")!
        return moved
    }()

    static let blocked = {
        var blocked = design
        blocked.status = .blocked
        return blocked
    }()

    static let handedOver = {
        var launch = portfolio[2]
        launch.owner = "dan"
        return launch
    }()

    static let acknowledged = EscalationRecord(
        id: "esc_0123456789", key: RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design"),
        policy: "missed-deadline", due: design.due, openedAt: now, state: .acknowledged,
        acknowledgement: Acknowledgement(by: "alice", at: EngineFixture.at("2026-12-01", 10, 12),
                                         note: "new date agreed with the supplier")
    )

    static let closed = EscalationRecord(
        id: "esc_0123456789", key: RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design"),
        policy: "missed-deadline", due: design.due, openedAt: now, state: .resolved,
        closedAt: EngineFixture.at("2026-12-02", 15), closeReason: "rule overdue no longer holds"
    )

    static let done = {
        var done = design
        done.status = .done
        return done
    }()

    static let subject = MessageText.subject(design.title, "Apollo ERP upgrade")

    /// One message kind: its name, the message as composed (recipients, rule, links) and its plain text.
    struct Golden: Sendable {
        var name: String
        var message: OutgoingMessage
    }

    static func golden(
        _ name: String, _ kind: MessageKind, rule: String, milestone: Milestone = design, to recipients: [String],
        on channel: String = "eng", escalation: EscalationRef? = nil, text: String, digest: DigestReport? = nil,
        milestoneURL: String? = nil
    ) -> Golden {
        Golden(name: name, message: OutgoingMessage(
            id: "msg_golden", createdAt: now, kind: kind, rule: rule,
            project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
            milestones: digest == nil ? [MilestoneRef(milestone, in: graph)] : [], channel: channel,
            recipients: recipients, mentions: recipients.map { people[$0]?.mention ?? people[$0]?.name ?? $0 },
            text: text, escalation: escalation, digest: digest, milestoneURL: milestoneURL
        ))
    }

    static let goldens: [Golden] = [
        golden("reminder", .reminder, rule: "overdue-reminder", to: ["alice"], text: MessageText.reminder(
            milestone: design, projectName: "Apollo ERP upgrade", facts: facts, downstream: downstream(of: design)
        )),
        golden("reminder-due-soon", .reminder, rule: "due-soon", milestone: portfolio[1], to: ["bob"],
               text: MessageText.reminder(
                   milestone: portfolio[1], projectName: "Apollo ERP upgrade",
                   facts: MilestoneFacts(milestone: portfolio[1], updatedAt: now, today: CivilDate(iso: "2026-12-15")!,
                                         calendar: calendar),
                   downstream: downstream(of: portfolio[1])
               )),
        golden("escalation-level-1", .escalation, rule: "overdue", to: ["alice"], escalation: reference(level: 1),
               text: escalation(level: 1)),
        golden("escalation-level-1-with-link", .escalation, rule: "overdue", to: ["alice"],
               escalation: reference(level: 1, link: true), text: escalation(level: 1, link: true),
               milestoneURL: "https://herald.example.com/milestones/apollo/design?token=TOKEN"),
        golden("escalation-level-2", .escalation, rule: "overdue", to: ["bob"], on: "leadership",
               escalation: reference(level: 2), text: escalation(level: 2)),
        golden("escalation-level-3", .escalation, rule: "overdue", to: ["carol"], on: "leadership",
               escalation: reference(level: 3), text: escalation(level: 3)),
        golden("escalation-level-3-repeat", .escalation, rule: "overdue", to: ["carol"], on: "leadership",
               escalation: reference(level: 3, isRepeat: true), text: escalation(level: 3, isRepeat: true)),
        golden("resolved", .resolved, rule: "overdue", to: ["bob", "carol"], on: "leadership",
               escalation: reference(level: 3),
               text: MessageText.resolved(acknowledged, subject: subject, milestone: design, calendar: calendar,
                                          names: names)),
        golden("resolved-done", .resolved, rule: "overdue", milestone: done, to: ["alice"],
               escalation: reference(level: 1),
               text: MessageText.resolved(closed, subject: subject, milestone: done, calendar: calendar, names: names)),
        golden("announcement-due", .announcement, rule: "moved", milestone: moved, to: ["bob"],
               text: change(moved, [FieldChange(field: "due", oldValue: "2026-11-24", newValue: "2026-12-08"),
                                    FieldChange(field: "note", oldValue: nil, newValue: "the supplier needs a week")],
                            source: "api", actor: "Hannah Lee")),
        golden("announcement-status", .announcement, rule: "status", milestone: blocked, to: ["bob"],
               text: change(blocked, [FieldChange(field: "status", oldValue: "at_risk", newValue: "blocked")],
                            source: "chat:alice", actor: "alice")),
        golden("announcement-owner", .announcement, rule: "owner", milestone: handedOver, to: ["dan"],
               text: change(handedOver, [FieldChange(field: "owner", oldValue: "bob", newValue: "dan")],
                            source: "file:apollo.yaml", actor: nil)),
        golden("digest", .digest, rule: "weekly-sponsor", to: ["carol"], on: "leadership",
               text: MessageText.digest(DigestRenderFixture.report, timeZone: EngineFixture.london),
               digest: DigestRenderFixture.report),
    ]

    /// How a platform family shows a message to its reader.
    enum Family: String, CaseIterable, Sendable {
        case plain, slack, teams, email

        func render(_ message: OutgoingMessage) throws -> String {
            switch self {
            case .plain: return message.text
            case .slack: return try MessageGoldenTests.slack(message)
            case .teams: return try MessageGoldenTests.teams(message)
            case .email: return EmailBody.plainText(for: message, readers: readers)
            }
        }

        func file(_ name: String) -> String {
            self == .plain ? "\(name).txt" : "\(name).\(rawValue).txt"
        }
    }

    /// Slack's blocks as the reader sees them: each header and section's text, a button as `[label](url)`, the
    /// context line.
    static func slack(_ message: OutgoingMessage) throws -> String {
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(SlackPayload.body(for: message)))
            as? [String: Any])
        let blocks = try #require(payload["blocks"] as? [[String: Any]])
        return blocks.flatMap { block -> [String] in
            if let text = (block["text"] as? [String: Any])?["text"] as? String { return [text] }
            return (block["elements"] as? [[String: Any]] ?? []).compactMap { element in
                if let url = element["url"] as? String {
                    return "[\((element["text"] as? [String: Any])?["text"] as? String ?? "")](\(url))"
                }
                return element["text"] as? String
            }
        }.joined(separator: "\n\n")
    }

    /// The Teams card as the reader sees it: each text block, each fact as `title: value`, a button as
    /// `[title](url)`.
    static func teams(_ message: OutgoingMessage) throws -> String {
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data(TeamsPayload.body(for: message, readers: readers)))
                as? [String: Any]
        )
        let attachments = try #require(envelope["attachments"] as? [[String: Any]])
        let card = try #require(attachments.first?["content"] as? [String: Any])
        let body = (card["body"] as? [[String: Any]] ?? []).map { element -> String in
            if let facts = element["facts"] as? [[String: String]] {
                return facts.map { "\($0["title"] ?? ""): \($0["value"] ?? "")" }.joined(separator: "\n")
            }
            return element["text"] as? String ?? ""
        }
        let actions = (card["actions"] as? [[String: Any]] ?? []).map {
            "[\($0["title"] as? String ?? "")](\($0["url"] as? String ?? ""))"
        }
        return (body + actions).joined(separator: "\n\n")
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    @Test(arguments: goldens.map(\.name), Family.allCases)
    func theTextMatchesItsGolden(_ name: String, _ family: Family) throws {
        let golden = try #require(Self.goldens.first { $0.name == name })
        let text = try family.render(golden.message) + "\n"
        let file = Self.directory.appendingPathComponent(family.file(name))
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func noGoldenShowsARuleExpressionACommandAnIDOrAPersonKey() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
        #expect(files.count == Self.goldens.count * Family.allCases.count)
        let keys = try Regex("\\b(\(Self.people.keys.sorted().joined(separator: "|")))\\b")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for banned in ["herald ", "esc_", "rule overdue:", "no longer holds", "status not in", ">=", "<=", "&gt;",
                           "days_overdue", "--by", "(missed-deadline)", "forecast", "in_progress", "at_risk", "))",
                           "on eng", "file:", "chat:", "msg_", "rule due-soon", "rule overdue", "Rule:"] {
                #expect(!text.contains(banned), "\(file.lastPathComponent) contains \(banned)")
            }
            #expect(text.firstMatch(of: keys) == nil, "\(file.lastPathComponent) names a person by key")
        }
    }
}
