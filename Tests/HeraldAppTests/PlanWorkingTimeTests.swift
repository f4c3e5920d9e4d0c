import Foundation
import Testing

/// `herald plan` on the example config from 18:36: the daily reminder and the business-day escalation level fall
/// in working time the next morning (at the rule's `at`, in the owner's zone), as the daemon decides them.
@Suite(.serialized) struct PlanWorkingTimeTests {
    static let atHalfPastTen = [("repeat: 1 business_day", "repeat: 1 business_day\n    at: 10:30")]
    static let aliceInNewYork = [(#"mention: "@alice" }"#, #"mention: "@alice", timezone: America/New_York }"#)]

    /// (edits, when alice's design sign-off reminders are decided, how the second one begins).
    @Test(arguments: [
        ([], ["2026-11-30T18:36:00Z", "2026-12-01T09:00:00Z"]),
        (atHalfPastTen, ["2026-11-30T18:36:00Z", "2026-12-01T10:30:00Z"]),
        (aliceInNewYork, ["2026-11-30T18:36:00Z", "2026-12-01T14:00:00Z"]),
    ] as [([(String, String)], [String])])
    func planFromSixThirtySixShowsTheNextMorning(edits: [(String, String)], reminders: [String]) throws {
        let example = try ExampleConfig(edits: edits)
        defer { example.directory.remove() }
        let plan = try PlanTests.plan(example, from: "2026-11-30T18:36", horizon: "2d")
        let design = plan.messages.filter { $0.rule == "due-soon" && $0.milestone == "design-signoff" }
        #expect(design.map(\.decidedAt) == reminders)
        #expect(design.map(\.sendAt) == reminders, "the console holds nothing")
        #expect(design.last?.text.hasPrefix("Design sign-off · Apollo ERP upgrade is due today, Tue 1 Dec.") == true)
        let ladder = plan.messages.filter { $0.kind == "escalation" && $0.milestone == "data-migration-plan" }
        #expect(ladder.map(\.decidedAt) == ["2026-11-30T18:36:00Z", "2026-12-01T09:00:00Z"],
                "level 2 (after 1 business_day) falls at the start of hours, not at 18:36")
    }
}
