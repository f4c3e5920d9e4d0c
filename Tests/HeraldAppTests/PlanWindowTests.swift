import Foundation
@testable import HeraldApp
import HeraldCore
import Testing

/// `herald plan --from --horizon`, and the scheduler's pause before the next decision time.
struct PlanWindowTests {
    static let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
    static let now = AppFixture.at("2026-11-26", 18, 37)

    @Test(arguments: [
        (nil, "30d", PlanWindowTests.now, AppFixture.at("2026-12-26", 18, 37)),
        ("2026-11-30", "30d", AppFixture.at("2026-11-30", 0), AppFixture.at("2026-12-30", 0)),
        ("2026-11-30", "2w", AppFixture.at("2026-11-30", 0), AppFixture.at("2026-12-14", 0)),
        ("2026-11-30T09:00:00Z", "12h", AppFixture.at("2026-11-30", 9), AppFixture.at("2026-11-30", 21)),
        // London is UTC+1 in summer: 09:00+01:00 is 09:00 local.
        ("2026-06-01T09:00:00+01:00", "90m", AppFixture.at("2026-06-01", 9), AppFixture.at("2026-06-01", 10, 30)),
        ("2026-06-01T09:00", "1d", AppFixture.at("2026-06-01", 9), AppFixture.at("2026-06-02", 9)),
        ("2026-11-30T10:00:00.250+01:00", "1d", AppFixture.at("2026-11-30", 9).addingTimeInterval(0.25),
         AppFixture.at("2026-12-01", 9).addingTimeInterval(0.25)),
        // Days keep the wall time across the October clock change; business days skip the weekend.
        ("2026-10-24", "2d", AppFixture.at("2026-10-24", 0), AppFixture.at("2026-10-26", 0)),
        ("2026-11-27", "1 business_day", AppFixture.at("2026-11-27", 0), AppFixture.at("2026-11-30", 0)),
    ] as [(String?, String, Date, Date)])
    func readsTheWindow(from: String?, horizon: String, start: Date, end: Date) throws {
        let window = try PlanWindow(from: from, horizon: horizon, now: Self.now, calendar: Self.calendar)
        #expect(window == PlanWindow(from: start, until: end))
    }

    @Test(arguments: [
        ("tomorrow", "30d", "--from: 'tomorrow' is not a date"),
        ("2026-11-31", "30d", "--from: '2026-11-31'"),
        ("2026-11-30T25:00", "30d", "--from: '2026-11-30T25:00'"),
        ("2026-11-30T09:00:00+25:00", "30d", "--from: '2026-11-30T09:00:00+25:00'"),
        ("2026-11-30T09:00:00+05:99", "30d", "--from: '2026-11-30T09:00:00+05:99'"),
        ("2026-11-30", "30", "--horizon: '30' is not a positive span"),
        ("2026-11-30", "0d", "--horizon: '0d'"),
        ("2026-11-30", "-2w", "--horizon: '-2w'"),
        ("2026-11-30", "3 fortnights", "--horizon: '3 fortnights'"),
    ])
    func namesTheOptionItCannotRead(from: String, horizon: String, message: String) {
        let error = #expect(throws: PlanOptionError.self) {
            try PlanWindow(from: from, horizon: horizon, now: Self.now, calendar: Self.calendar)
        }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        (3600.0, Duration.seconds(60)),   // the next decision is an hour away: the tick interval
        (20.0, .seconds(20)),             // a repeat falls due in 20 s: wake then
        (0.0, .zero),
        (-5.0, .zero),                    // already due (the clock moved on): no wait
    ])
    func theSchedulerWakesAtTheNextDecisionWhenItComesBeforeTheTick(secondsAhead: Double, pause: Duration) {
        let now = Self.now
        let next = now.addingTimeInterval(secondsAhead)
        #expect(SchedulerService.pause(interval: .seconds(60), from: now, until: next) == pause)
    }
}
