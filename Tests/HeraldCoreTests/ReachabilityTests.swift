import Foundation
import Testing
@testable import HeraldCore

/// One message: its channel and people, when it is decided, and when (and why) it may go.
struct HoldCase: CustomTestStringConvertible, Sendable {
    var name: String
    var channel = "hook"
    var people: [String]
    /// Decision time, UTC.
    var at: String
    /// Release time, UTC; nil when it goes at once.
    var until: String?
    /// The exact reason, when the case checks it.
    var reason: String? = nil

    var testDescription: String { name }
}

@Suite struct ReachabilityTests {
    static let webhook = Channel.Kind.webhook(url: Secret("https://hooks.example.com/h"), secrets: [])
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// London calendar (Mon-Fri 09:00-17:30, Christmas off); people and channels in three zones.
    static let reachability = Reachability(
        calendar: BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!, holidays: [day("2026-12-25")]),
        people: [
            "alice": Person(
                key: "alice", name: "Alice", timeZone: newYork, quietHours: DailyWindow(parsing: "19:00-08:00")
            ),
            "bob": Person(key: "bob", name: "Bob"),
            "kenji": Person(key: "kenji", name: "Kenji", timeZone: TimeZone(identifier: "Asia/Tokyo")),
            "dana": Person(key: "dana", name: "Dana", quietHours: DailyWindow(parsing: "12:00-14:00")),
            "erin": Person(key: "erin", name: "Erin", quietHours: DailyWindow(parsing: "17:00-09:30")),
        ],
        channels: [
            "hook": Channel(name: "hook", kind: webhook),
            "night": Channel(name: "night", kind: webhook, quietHours: DailyWindow(parsing: "22:00-07:00")),
            "us": Channel(
                name: "us", kind: webhook, quietHours: DailyWindow(parsing: "20:00-06:00"), timeZone: newYork
            ),
            "gap": Channel(name: "gap", kind: webhook, quietHours: DailyWindow(parsing: "23:00-01:30")),
            "console": Channel(name: "console", kind: .console),
        ]
    )

    static let aliceUntilNine =
        "quiet hours for alice (19:00-08:00 America/New_York) until Mon 30 Nov 09:00 America/New_York"

    static let cases: [HoldCase] = [
        // One person in the calendar's zone: working hours, weekends, a holiday.
        HoldCase(name: "inside working hours", people: ["bob"], at: "2026-11-30T10:00:00Z", until: nil),
        HoldCase(name: "before working hours", people: ["bob"], at: "2026-12-01T02:00:00Z",
                 until: "2026-12-01T09:00:00Z",
                 reason: "outside working hours for bob (09:00-17:30 Europe/London) until Tue 1 Dec 09:00"),
        HoldCase(name: "at the end of working hours", people: ["bob"], at: "2026-11-30T17:30:00Z",
                 until: "2026-12-01T09:00:00Z"),
        HoldCase(name: "Friday evening waits for Monday", people: ["bob"], at: "2026-12-04T18:00:00Z",
                 until: "2026-12-07T09:00:00Z"),
        HoldCase(name: "New Year's Eve waits for next year, named", people: ["bob"], at: "2026-12-31T18:00:00Z",
                 until: "2027-01-01T09:00:00Z",
                 reason: "outside working hours for bob (09:00-17:30 Europe/London) until Fri 1 Jan 2027 09:00"),
        HoldCase(name: "Saturday", people: ["bob"], at: "2026-12-05T12:00:00Z", until: "2026-12-07T09:00:00Z",
                 reason: "not a working day for bob (Sat 5 Dec, Europe/London) until Mon 7 Dec 09:00"),
        HoldCase(name: "a holiday before a weekend", people: ["bob"], at: "2026-12-25T10:00:00Z",
                 until: "2026-12-28T09:00:00Z",
                 reason: "not a working day for bob (Fri 25 Dec, Europe/London) until Mon 28 Dec 09:00"),
        // Quiet hours, wrapping midnight, in another zone.
        HoldCase(name: "quiet hours in New York", people: ["alice"], at: "2026-11-30T10:00:00Z",
                 until: "2026-11-30T14:00:00Z",
                 reason: aliceUntilNine),
        HoldCase(name: "New York evening before quiet hours", people: ["alice"], at: "2026-11-30T23:00:00Z",
                 until: "2026-12-01T14:00:00Z",
                 reason: "outside working hours for alice (09:00-17:30 America/New_York) until Tue 1 Dec 09:00 "
                     + "America/New_York"),
        HoldCase(name: "New York working hours", people: ["alice"], at: "2026-11-30T15:00:00Z", until: nil),
        HoldCase(name: "quiet hours inside working hours", people: ["dana"], at: "2026-11-30T12:30:00Z",
                 until: "2026-11-30T14:00:00Z",
                 reason: "quiet hours for dana (12:00-14:00 Europe/London) until Mon 30 Nov 14:00"),
        HoldCase(name: "wrapping quiet hours end after the working day starts", people: ["erin"],
                 at: "2026-11-30T17:10:00Z", until: "2026-12-01T09:30:00Z"),
        HoldCase(name: "the first half hour of the working day is quiet", people: ["erin"],
                 at: "2026-12-01T09:10:00Z", until: "2026-12-01T09:30:00Z"),
        // Two people.
        HoldCase(name: "two zones: the common window starts at 09:00 New York", people: ["alice", "bob"],
                 at: "2026-11-30T10:00:00Z", until: "2026-11-30T14:00:00Z",
                 reason: aliceUntilNine),
        HoldCase(name: "two zones inside the common window", people: ["alice", "bob"], at: "2026-11-30T17:00:00Z",
                 until: nil),
        HoldCase(name: "two zones after London closes", people: ["alice", "bob"], at: "2026-11-30T17:45:00Z",
                 until: "2026-12-01T14:00:00Z",
                 reason: "outside working hours for bob (09:00-17:30 Europe/London) until Tue 1 Dec 14:00"),
        HoldCase(name: "no common window: the first reachable goes", people: ["kenji", "bob"],
                 at: "2026-11-28T12:00:00Z", until: "2026-11-30T00:00:00Z",
                 reason: "not a working day for kenji (Sat 28 Nov, Asia/Tokyo), not a working day for bob "
                     + "(Sat 28 Nov, Europe/London) until Mon 30 Nov 09:00 Asia/Tokyo; kenji and bob have no common "
                     + "window within 14 days, so it goes when kenji is reachable"),
        HoldCase(name: "no common window, one of them reachable now", people: ["kenji", "bob"],
                 at: "2026-11-30T10:00:00Z", until: nil),
        // Channels.
        HoldCase(name: "channel quiet hours", channel: "night", people: [], at: "2026-11-30T23:00:00Z",
                 until: "2026-12-01T07:00:00Z",
                 reason: "quiet hours on #night (22:00-07:00 Europe/London) until Tue 1 Dec 07:00"),
        HoldCase(name: "channel quiet hours and a person", channel: "night", people: ["bob"],
                 at: "2026-11-30T23:00:00Z", until: "2026-12-01T09:00:00Z",
                 reason: "outside working hours for bob (09:00-17:30 Europe/London), quiet hours on #night "
                     + "(22:00-07:00 Europe/London) until Tue 1 Dec 09:00"),
        HoldCase(name: "a quiet channel outside its quiet hours", channel: "night", people: ["bob"],
                 at: "2026-11-30T10:00:00Z", until: nil),
        HoldCase(name: "channel quiet hours in its own zone", channel: "us", people: [], at: "2026-12-01T02:00:00Z",
                 until: "2026-12-01T11:00:00Z",
                 reason: "quiet hours on #us (20:00-06:00 America/New_York) until Tue 1 Dec 06:00 America/New_York"),
        HoldCase(name: "a channel without quiet hours naming nobody", people: [], at: "2026-12-01T02:00:00Z",
                 until: nil),
        HoldCase(name: "the console is never held", channel: "console", people: ["bob"],
                 at: "2026-12-01T02:00:00Z", until: nil),
        // Daylight saving time: windows are local wall-clock times.
        HoldCase(name: "London spring-forward weekend", people: ["bob"], at: "2026-03-28T12:00:00Z",
                 until: "2026-03-30T08:00:00Z"),
        HoldCase(name: "London fall-back weekend", people: ["bob"], at: "2026-10-24T12:00:00Z",
                 until: "2026-10-26T09:00:00Z"),
        HoldCase(name: "New York spring-forward weekend", people: ["alice"], at: "2026-03-06T23:00:00Z",
                 until: "2026-03-09T13:00:00Z"),
        HoldCase(name: "New York fall-back weekend", people: ["alice"], at: "2026-10-30T22:00:00Z",
                 until: "2026-11-02T14:00:00Z"),
        HoldCase(name: "quiet night with spring-forward", channel: "night", people: [], at: "2026-03-28T23:00:00Z",
                 until: "2026-03-29T06:00:00Z"),
        HoldCase(name: "quiet night with fall-back", channel: "night", people: [], at: "2026-10-24T22:30:00Z",
                 until: "2026-10-25T07:00:00Z"),
        HoldCase(name: "quiet hours ending in the skipped hour", channel: "gap", people: [],
                 at: "2026-03-28T23:30:00Z", until: "2026-03-29T01:00:00Z"),
        HoldCase(name: "quiet hours ending in the repeated hour, first pass", channel: "gap", people: [],
                 at: "2026-10-25T00:15:00Z", until: "2026-10-25T00:30:00Z"),
        HoldCase(name: "quiet hours ending in the repeated hour, second pass", channel: "gap", people: [],
                 at: "2026-10-25T01:15:00Z", until: "2026-10-25T01:30:00Z"),
    ]

    @Test(arguments: cases) func release(_ holdCase: HoldCase) {
        let hold = Self.reachability.hold(
            channel: holdCase.channel, recipients: holdCase.people, at: utc(holdCase.at)
        )
        #expect(hold?.until == holdCase.until.map(utc))
        if let reason = holdCase.reason { #expect(hold?.reason == reason) }
    }

    @Test func windowsCoverOthers() {
        let hours = DailyWindow(start: 9 * 60, end: 17 * 60 + 30)
        #expect(DailyWindow(parsing: "08:00-18:00")!.covers(hours))
        #expect(DailyWindow(parsing: "07:00-17:30")!.covers(hours))
        #expect(!DailyWindow(parsing: "19:00-08:00")!.covers(hours))
        #expect(!DailyWindow(parsing: "09:00-17:00")!.covers(hours))
        #expect(DailyWindow(parsing: "08:00-07:59")!.covers(hours), "wrapping nearly all day")
    }
}
