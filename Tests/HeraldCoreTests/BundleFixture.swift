import Foundation
@testable import HeraldCore

/// A sponsor's morning: at 09:00 on Tue 1 Dec 2026 Carol Diaz, sponsor of both projects, is owed an escalation about
/// Apollo's data migration plan, a reminder from two rules about its design sign-off, and the announcement that
/// DCM's cut-over moved: three messages released together, sent as one bundle.
enum BundleFixture {
    static let at = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z
    static let apollo = ProjectRef(id: "apollo", name: "Apollo ERP upgrade")
    static let dcm = ProjectRef(id: "dcm", name: "Data centre move")

    static let migration = MilestoneRef(
        id: "data-migration-plan", title: "Data migration plan", due: CivilDate(iso: "2026-11-24")!, status: .atRisk,
        owner: "dan"
    )
    static let design = MilestoneRef(
        id: "design-signoff", title: "Design sign-off", due: CivilDate(iso: "2026-12-03")!, status: .inProgress,
        owner: "alice"
    )
    static let cutover = MilestoneRef(
        id: "cutover", title: "Data centre cut-over", due: CivilDate(iso: "2027-01-29")!, status: .planned,
        owner: "dan"
    )

    static let items = [
        BundleItem(
            id: "msg_0a1b2c3d4e5f6071", decidedAt: at, kind: .escalation, rules: ["overdue"], project: apollo,
            milestones: [migration],
            text: "Escalation level 2 of 3: Data migration plan · Apollo ERP upgrade is 5 business days overdue; it "
                + "was due Tue 24 Nov. Status: at risk. Told before: Dan Okafor (level 1, Mon 30 Nov 09:00 on "
                + "email). Acknowledge it, give a new date or mark it done to stop further notices.",
            escalation: EscalationRef(
                id: "esc_7f3a9c2e", policy: "missed-deadline", level: 2, levels: 3,
                ackURL: "https://herald.example.com/ack/AbC123"
            ),
            milestoneURL: "https://herald.example.com/milestones/apollo/data-migration-plan?token=MiG"
        ),
        BundleItem(
            id: "msg_1b2c3d4e5f607182", decidedAt: at, kind: .reminder, rules: ["due-soon", "critical-slip"],
            project: apollo, milestones: [design],
            text: "Design sign-off · Apollo ERP upgrade is due in 2 business days, Thu 3 Dec. It has slipped 5 "
                + "business days from its baseline, Thu 26 Nov. Needed: Solution design document.",
            milestoneURL: "https://herald.example.com/milestones/apollo/design-signoff?token=DeS"
        ),
        BundleItem(
            id: "msg_2c3d4e5f60718293", decidedAt: at, kind: .announcement, rules: ["due-changes"], project: dcm,
            milestones: [cutover],
            text: "Data centre cut-over · Data centre move: due Fri 15 Jan 2027 → Fri 29 Jan 2027, changed by Mike "
                + "Lee. It is now 10 business days behind its baseline, Fri 15 Jan 2027.",
            changes: [FieldChange(field: "due", oldValue: "2027-01-15", newValue: "2027-01-29")], actor: "mike",
            milestoneURL: "https://herald.example.com/milestones/dcm/cutover?token=CuT"
        ),
    ]

    /// The bundle to Carol on `channel`, mentioning her as `mention`.
    static func message(channel: String = "sponsors", mention: String? = nil, items: [BundleItem] = items)
        -> OutgoingMessage {
        OutgoingMessage(
            id: "msg_bundle_carol_0900", createdAt: at, kind: .bundle, rule: nil, project: nil,
            milestones: items.flatMap(\.milestones), channel: channel, recipients: ["carol"],
            mentions: mention.map { [$0] } ?? [],
            text: (["3 milestones need you today"] + items.map(\.text)).joined(separator: "\n"), items: items
        )
    }

    static let readers = MessageReaders(
        people: [
            "carol": {
                var carol = Person(key: "carol", name: "Carol Diaz", email: "carol@example.com")
                carol.teams = "carol.diaz@contoso.com"
                return carol
            }(),
            "dan": Person(key: "dan", name: "Dan Okafor"),
            "alice": Person(key: "alice", name: "Alice Ng"),
        ],
        projects: [
            Project(id: "apollo", name: "Apollo ERP upgrade", manager: "bob", sponsor: "carol"),
            Project(id: "dcm", name: "Data centre move", manager: "bob", sponsor: "carol"),
        ]
    )

    /// `count` items, each about its own milestone `Milestone N`, every third an escalation with a link.
    static func many(_ count: Int, title: String = "Milestone") -> [BundleItem] {
        (0..<count).map { index in
            let milestone = MilestoneRef(
                id: "m\(index)", title: "\(title) \(index)", due: CivilDate(iso: "2026-12-03")!, status: .atRisk,
                owner: "dan"
            )
            return BundleItem(
                id: "msg_item\(index)", decidedAt: at, kind: index % 3 == 0 ? .escalation : .reminder,
                rules: ["due-soon"], project: apollo, milestones: [milestone],
                text: "\(title) \(index) · Apollo ERP upgrade is due in 2 business days, Thu 3 Dec. "
                    + String(repeating: "It matters. ", count: 20),
                escalation: index % 3 == 0
                    ? EscalationRef(id: "esc_\(index)", policy: "p", level: 1, levels: 3,
                                    ackURL: "https://herald.example.com/ack/\(index)")
                    : nil
            )
        }
    }
}
