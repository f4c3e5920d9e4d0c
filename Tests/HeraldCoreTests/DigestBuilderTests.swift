import Foundation
import Testing
@testable import HeraldCore

@Suite struct DigestBuilderTests {
    private typealias F = DigestFixture

    @Test func sectionsSelectAndOrderTheFixtureWeek() throws {
        let report = F.report()
        #expect(report.name == "weekly-sponsor")
        #expect(report.at == F.at)
        #expect(report.since == F.previousAt)
        #expect(report.windowEnd == day("2026-12-14"))
        #expect(report.projects.map(\.project.id) == ["apollo", "zeus"])

        // Done in the period, 3 business days after its baseline (Fri 20 -> Wed 25); archive was done long ago.
        #expect(report.completed.map(\.milestone.id) == ["requirements"])
        #expect(report.completed.first?.completedOn == day("2026-11-25"))
        #expect(report.completed.first?.businessDays == 3)
        #expect(report.completed.first?.ownerName == "Dan Okafor")

        // Soonest first across projects, whatever the file order; overdue and far-off milestones left out.
        #expect(report.dueSoon.map(\.milestone.id) == ["training", "design", "launch"])
        #expect(report.dueSoon.map(\.project.id) == ["apollo", "apollo", "zeus"])

        // The forecast at the previous digest (Fri 27 Nov) against the new one, largest move later first.
        #expect(report.slipped.map(\.milestone.id) == ["design", "uat"])
        let design = try #require(report.slipped.first)
        #expect(design.baseline == day("2026-11-27"))
        #expect(design.previousDue == day("2026-11-27"))
        #expect(design.milestone.due == day("2026-12-04"))
        #expect(design.businessDays == 5)
        #expect(design.note == "vendor review ran late")
        #expect(report.slipped.last?.businessDays == -5)
        #expect(report.slipped.last?.note == nil)

        // Most overdue first: migration (Tue 24, 4 business days) before vendor (Fri 27, 1), against file order.
        #expect(report.overdue.map(\.milestone.id) == ["migration", "vendor"])
        #expect(report.overdue.map(\.businessDays) == [4, 1])

        // Unacknowledged first, highest level first; resolved, re-armed and out-of-scope ones left out.
        #expect(report.escalations.map(\.id) == ["esc_high", "esc_low", "esc_ack"])
        #expect(report.escalations.map(\.level) == [2, 1, 3])
        #expect(report.escalations.allSatisfy { $0.levels == 3 })
        #expect(report.escalations.map(\.acknowledgedBy) == [nil, nil, "Bob Roe"], "named, not by key")
        #expect(report.unchanged == false)
    }

    @Test func headlineNamesTheRuleAndTheMilestoneThatDecidedIt() {
        let report = F.report()
        #expect(report.headline.status == .amber)
        #expect(report.headline.rule == "amber: a milestone is overdue")
        #expect(report.headline.reason == "Migration · Apollo ERP upgrade is 4 business days overdue (due Tue 24 Nov)")
        #expect(report.projects.map(\.status) == [.amber, .green])
        #expect(report.projects[0].reason == "Migration is 4 business days overdue (due Tue 24 Nov)")
        #expect(report.projects[1].reason == "every open milestone is on track; next: Launch, due Thu 10 Dec")
    }

    /// One milestone per case, on Monday 30 November: (name, milestone, tolerance, status, rule).
    @Test(arguments: [
        ("critical overdue", F.milestone("p", "m", due: "2026-11-27", critical: true), nil, RAGStatus.red,
         "red: a critical milestone is overdue"),
        ("critical, slip beyond tolerance", F.milestone("p", "m", due: "2026-12-08", baseline: "2026-11-30",
                                                         critical: true), nil, .red,
         "red: a critical milestone slipped more than 5 business days past its baseline"),
        ("critical, slip at tolerance", F.milestone("p", "m", due: "2026-12-07", baseline: "2026-11-30",
                                                     critical: true), nil, .amber,
         "amber: a milestone slipped past its baseline"),
        ("critical, slip beyond a tighter tolerance", F.milestone("p", "m", due: "2026-12-03", baseline: "2026-11-30",
                                                                   critical: true), 2, .red,
         "red: a critical milestone slipped more than 2 business days past its baseline"),
        ("not critical, slip beyond tolerance", F.milestone("p", "m", due: "2026-12-18", baseline: "2026-11-30"), nil,
         .amber, "amber: a milestone slipped past its baseline"),
        ("not critical, overdue", F.milestone("p", "m", due: "2026-11-27"), nil, .amber,
         "amber: a milestone is overdue"),
        ("blocked", F.milestone("p", "m", due: "2026-12-04", status: .blocked), nil, .amber,
         "amber: a milestone is blocked"),
        ("at risk", F.milestone("p", "m", due: "2026-12-04", status: .atRisk), nil, .amber,
         "amber: a milestone is at risk"),
        ("done late", F.milestone("p", "m", due: "2026-11-20", baseline: "2026-11-10", status: .done, critical: true),
         nil, .green, DigestBuilder.greenRule),
        ("cancelled and overdue", F.milestone("p", "m", due: "2026-11-20", status: .cancelled, critical: true), nil,
         .green, DigestBuilder.greenRule),
        ("on track", F.milestone("p", "m", due: "2026-12-04", critical: true), nil, .green, DigestBuilder.greenRule),
    ] as [(String, Milestone, Int?, RAGStatus, String)])
    func ragRules(name: String, milestone: Milestone, tolerance: Int?, status: RAGStatus, rule: String) {
        var configuration = F.configuration
        configuration.projects = [Project(id: "p", name: "P")]
        let report = DigestBuilder(configuration: configuration).report(
            for: F.definition(tolerance: tolerance), milestones: F.tracked([milestone]), history: [], previous: nil,
            escalations: [], at: F.at, late: false
        )
        #expect(report.headline.status == status, "\(name)")
        #expect(report.headline.rule == rule, "\(name)")
        #expect(report.projects.map(\.status) == [status], "\(name)")
    }

    @Test func theMostSevereFindingWinsAcrossProjects() {
        var milestones = F.milestones
        milestones.append(F.milestone("zeus", "gate", due: "2026-11-26", critical: true))
        let report = F.report(milestones: milestones)
        #expect(report.headline.status == .red)
        #expect(report.headline.reason == "Gate · Zeus is 2 business days overdue (due Thu 26 Nov)")
        #expect(report.projects.map(\.status) == [.amber, .red])
    }

    @Test(arguments: [
        (RAGStatus?.none, DigestTrend.first), (.red, .improving), (.amber, .steady), (.green, .worsening),
    ])
    func trendComparesWithThePreviousStatus(previous: RAGStatus?, trend: DigestTrend) {
        let report = F.report(previous: previous.map(F.previous))
        #expect(report.headline.status == .amber)
        #expect(report.headline.trend == trend)
        #expect(report.since == (previous == nil ? nil : F.previousAt))
    }

    @Test func scopeListedProjectsInTheOrderGiven() {
        let report = F.report(F.definition(scope: .projects(["zeus", "unknown", "apollo"])))
        #expect(report.projects.map(\.project.id) == ["zeus", "apollo"])
        #expect(report.projects.map(\.status) == [.green, .amber])
        // Sections stay in date order whatever the project order; the headline is still apollo's worst.
        #expect(report.dueSoon.map(\.milestone.id) == ["training", "design", "launch"])
        #expect(report.headline.reason.hasPrefix("Migration · Apollo ERP upgrade"))
    }

    @Test func reportingOrderBreaksTiesOnTheSameDate() {
        var milestones = F.milestones
        milestones.append(F.milestone("zeus", "review", due: "2026-12-02"))
        let byID = F.report(milestones: milestones)
        #expect(byID.dueSoon.map(\.milestone.id) == ["training", "review", "design", "launch"])
        let listed = F.report(F.definition(scope: .projects(["zeus", "apollo"])), milestones: milestones)
        #expect(listed.dueSoon.map(\.milestone.id) == ["review", "training", "design", "launch"])
    }

    @Test func scopeOneProjectLeavesTheOthersOut() {
        let report = F.report(F.definition(scope: .projects(["zeus"])))
        #expect(report.projects.map(\.project.id) == ["zeus"])
        #expect(report.dueSoon.map(\.milestone.id) == ["launch"])
        #expect(report.completed.isEmpty && report.slipped.isEmpty && report.overdue.isEmpty)
        #expect(report.escalations.isEmpty, "the re-armed zeus escalation is over")
        #expect(report.headline.status == .green)
        #expect(report.headline.reason == "every open milestone is on track; next: Launch · Zeus, due Thu 10 Dec")
    }

    @Test func scopeWhenKeepsProjectsWithAMatchingMilestone() throws {
        let finance = try RuleExpression.compile(#"labels.team == "finance""#)
        #expect(F.report(F.definition(scope: .when(finance))).projects.map(\.project.id) == ["apollo"])
        let critical = try RuleExpression.compile("critical and business_days_until_due <= 8")
        #expect(F.report(F.definition(scope: .when(critical))).projects.map(\.project.id) == ["apollo", "zeus"])
        let none = try RuleExpression.compile(#"status == "blocked""#)
        let empty = F.report(F.definition(scope: .when(none)))
        #expect(empty.projects.isEmpty && empty.dueSoon.isEmpty && empty.escalations.isEmpty)
        #expect(empty.headline.status == .green)
        #expect(empty.headline.reason == "no open milestones")
    }

    @Test func windowSetsTheDueSoonSection() {
        #expect(F.report(F.definition(window: .days(3))).dueSoon.map(\.milestone.id) == ["training"])
        #expect(F.report(F.definition(window: .days(3))).windowEnd == day("2026-12-03"))
        // 8 business days from Monday 30 November is Thursday 10 December.
        #expect(F.report(F.definition(window: .businessDays(8))).dueSoon.map(\.milestone.id)
            == ["training", "design", "launch"])
        #expect(F.report(F.definition(window: .businessDays(7))).dueSoon.map(\.milestone.id)
            == ["training", "design"])
    }

    @Test func historyAtOrBeforeThePreviousDigestIsIgnored() {
        let old = [
            F.entry("apollo", "archive", F.previousAt, "status", "in_progress", "done"),
            F.entry("apollo", "training", F.previousAt.addingTimeInterval(-60), "due", "2026-11-30", "2026-12-02"),
        ]
        let report = F.report(history: old)
        #expect(report.completed.isEmpty)
        #expect(report.slipped.isEmpty)
    }

    @Test func aFirstDigestReadsTheWholeHistory() {
        let history = [
            F.entry("apollo", "training", utc("2026-10-01T09:00:00Z"), "due", nil, "2026-11-25"),
            F.entry("apollo", "training", utc("2026-10-02T09:00:00Z"), "due", "2026-11-25", "2026-12-02"),
            F.entry("zeus", "archive", utc("2026-09-30T09:00:00Z"), "status", "planned", "done"),
            F.entry("apollo", "requirements", utc("2026-10-01T09:00:00Z"), "status", nil, "done"),
        ]
        let report = F.report(history: history, previous: nil)
        #expect(report.since == nil)
        #expect(report.slipped.map(\.milestone.id) == ["training"])
        #expect(report.slipped.first?.previousDue == day("2026-11-25"), "the date it was created with")
        #expect(report.completed.map(\.milestone.id) == ["archive"], "requirements was created done: date unknown")
        #expect(report.completed.first?.businessDays == 0, "done before its due date: on time")
        #expect(report.unchanged == false)
    }

    @Test func aMilestoneMovedAndMovedBackHasNotSlipped() {
        let history = [
            F.entry("apollo", "training", EngineFixture.at("2026-11-24", 9), "due", "2026-12-02", "2026-12-09"),
            F.entry("apollo", "training", EngineFixture.at("2026-11-25", 9), "due", "2026-12-09", "2026-12-02"),
        ]
        #expect(F.report(history: history).slipped.isEmpty)
    }

    @Test func aClosedMilestoneIsNeitherDueSoonSlippedNorOverdue() {
        let history = [
            F.entry("apollo", "vendor", EngineFixture.at("2026-11-24", 9), "due", "2026-11-20", "2026-11-27"),
            F.entry("apollo", "vendor", EngineFixture.at("2026-11-27", 16), "status", "in_progress", "cancelled"),
        ]
        var milestones = F.milestones
        milestones[2].status = .cancelled
        let report = F.report(milestones: milestones, history: history)
        #expect(!report.slipped.contains { $0.milestone.id == "vendor" })
        #expect(report.overdue.map(\.milestone.id) == ["migration"])
        #expect(report.completed.isEmpty, "cancelled is not completed")
    }

    @Test func nothingChangedWhenTheStateIsTheSame() {
        let first = F.report(history: [], previous: nil)
        #expect(first.unchanged == false)
        // A week later: nothing recorded, the same milestones due soon and overdue (only older), same escalations.
        let next = F.report(history: [], previous: first, at: EngineFixture.at("2026-12-01", 9))
        #expect(next.unchanged)
        #expect(next.overdue.map(\.businessDays) == [5, 2], "still overdue, a day more")
        #expect(next.headline.trend == .steady)
    }

    @Test func somethingChangedWhenHistoryStatusesSectionsOrEscalationsDiffer() {
        let previous = F.report(history: [], previous: nil)
        func changed(
            milestones: [Milestone] = F.milestones, history: [HistoryEntry] = [],
            escalations: [EscalationRecord] = F.escalations, at: Date = EngineFixture.at("2026-11-30", 17)
        ) -> Bool {
            !F.report(milestones: milestones, history: history, previous: previous, escalations: escalations, at: at)
                .unchanged
        }
        #expect(!changed(), "the same afternoon, nothing new")
        let title = F.entry("apollo", "uat", EngineFixture.at("2026-11-30", 12), "title", "Uat", "UAT")
        #expect(changed(history: [title]), "any recorded change")
        var acknowledged = F.escalations
        acknowledged[2] = F.escalation("esc_high", "apollo", "migration", state: .acknowledged, levels: 2,
                                       acknowledgedBy: "dan")
        #expect(changed(escalations: acknowledged), "an escalation acknowledged")
        acknowledged[2] = F.escalation("esc_high", "apollo", "migration", levels: 3)
        #expect(changed(escalations: acknowledged), "an escalation climbed")
        #expect(changed(at: EngineFixture.at("2026-12-03", 9)), "training became overdue")
    }

    @Test func theDigestsZoneSetsToday() {
        // 23:30 UTC on Monday 30 November is already Tuesday 1 December in Tokyo.
        let at = utc("2026-11-30T23:30:00Z")
        let milestones = [F.milestone("apollo", "design", due: "2026-11-30")]
        let london = F.report(milestones: milestones, history: [], previous: nil, escalations: [], at: at)
        #expect(london.dueSoon.map(\.milestone.id) == ["design"])
        #expect(london.overdue.isEmpty)
        let tokyo = F.report(
            F.definition(timeZone: TimeZone(identifier: "Asia/Tokyo")), milestones: milestones, history: [],
            previous: nil, escalations: [], at: at
        )
        #expect(tokyo.dueSoon.isEmpty)
        #expect(tokyo.overdue.map(\.businessDays) == [1])
        #expect(tokyo.headline.status == .amber)
    }

    @Test func theInjectedTimeIsTheOnlyClock() {
        // The same inputs a week apart: the week after, design is overdue and apollo red.
        let now = F.report()
        let later = F.report(at: EngineFixture.at("2026-12-07", 9))
        #expect(now.headline.status == .amber)
        #expect(later.headline.status == .red)
        #expect(later.headline.reason == "Design · Apollo ERP upgrade is 1 business day overdue (due Fri 4 Dec)")
        #expect(F.report() == now, "deterministic")
        #expect(F.report(late: true).late)
    }
}
