import Foundation
import Testing
@testable import HeraldCore

/// Every message kind's plain text, as the console and the generic webhook's `text` carry it, rendered from a
/// real-shaped portfolio and compared with the golden file a reader reviewed (`Goldens/KIND.txt`).
/// `HERALD_UPDATE_GOLDENS=1 swift test --filter MessageGoldenTests` rewrites the files after a deliberate change.
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
    static let names = ["apollo": "Apollo ERP upgrade", "dcm": "Data centre move"]
    static let downstream = Downstream(of: design.key, in: DependencyGraph(milestones: portfolio)) { names[$0] ?? $0 }
    static let facts = MilestoneFacts(milestone: design, updatedAt: now, today: today, calendar: calendar)

    static func escalation(level: Int, isRepeat: Bool = false, link: Bool = false) -> String {
        let notices = (1..<max(level, 1)).map { prior in
            EscalationNotice(level: prior, isRepeat: false, at: EngineFixture.at("2026-11-2\(4 + prior)", 9),
                             channel: prior == 1 ? "eng" : "board", people: prior == 1 ? ["alice"] : ["bob"],
                             mentions: [], messageID: "msg_\(prior)")
        } + (isRepeat ? [EscalationNotice(level: level, isRepeat: false, at: EngineFixture.at("2026-11-30", 9),
                                          channel: "board", people: ["carol"], mentions: [], messageID: "msg_r")]
                      : [])
        return MessageText.escalation(
            EscalationRef(id: "esc_0123456789", policy: "missed-deadline", level: level, levels: 3, isRepeat: isRepeat),
            milestone: design, projectName: "Apollo ERP upgrade", facts: facts, prior: notices, calendar: calendar,
            downstream: downstream, hasAckLink: link,
            names: ["alice": "Alice Ng", "bob": "Bob Roe", "carol": "Carol Diaz"]
        )
    }

    static func change(_ field: String, _ old: String, _ new: String) -> String {
        MessageText.change(milestone: portfolio[2], projectName: "Apollo ERP upgrade",
                           fields: [FieldChange(field: field, oldValue: old, newValue: new)], today: today,
                           slipDays: 10)
    }

    static let record = EscalationRecord(
        id: "esc_0123456789", key: RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design"),
        policy: "missed-deadline", due: design.due, openedAt: now, state: .acknowledged,
        acknowledgement: Acknowledgement(by: "Alice Ng", at: EngineFixture.at("2026-12-01", 10, 12),
                                         note: "new date agreed with the supplier")
    )

    /// Each golden's name and the text it holds.
    static let texts: [(name: String, text: String)] = [
        ("reminder", MessageText.reminder(milestone: design, projectName: "Apollo ERP upgrade", facts: facts,
                                          downstream: downstream)),
        ("reminder-due-soon", MessageText.reminder(
            milestone: portfolio[1], projectName: "Apollo ERP upgrade",
            facts: MilestoneFacts(milestone: portfolio[1], updatedAt: now, today: CivilDate(iso: "2026-12-15")!,
                                  calendar: calendar),
            downstream: Downstream(of: portfolio[1].key, in: DependencyGraph(milestones: portfolio)) {
                names[$0] ?? $0
            })),
        ("escalation-level-1", escalation(level: 1)),
        ("escalation-level-2", escalation(level: 2)),
        ("escalation-level-3", escalation(level: 3)),
        ("escalation-level-3-repeat", escalation(level: 3, isRepeat: true)),
        ("escalation-level-1-with-link", escalation(level: 1, link: true)),
        ("resolved", MessageText.resolved(record, subject: MessageText.subject(design.title, "Apollo ERP upgrade"),
                                          calendar: calendar)),
        ("announcement-due", change("due", "2027-01-29", "2027-02-12")),
        ("announcement-status", change("status", "in_progress", "at_risk")),
        ("announcement-owner", change("owner", "bob", "dan")),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    @Test(arguments: texts.map(\.name))
    func theTextMatchesItsGolden(_ name: String) throws {
        let text = try #require(Self.texts.first { $0.name == name }?.text) + "\n"
        let file = Self.directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func noGoldenShowsARuleExpressionACommandOrAnID() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
        #expect(files.count == Self.texts.count)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for banned in ["herald ", "esc_", "rule overdue:", "status not in", ">=", "<=", "days_overdue", "--by",
                           "(missed-deadline)", "forecast", "in_progress", "at_risk", "))"] {
                #expect(!text.contains(banned), "\(file.lastPathComponent) contains \(banned)")
            }
        }
    }
}
