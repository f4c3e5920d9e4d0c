import Foundation
import HeraldConfig
import HeraldCore
import Testing

@Suite(.serialized) struct QuietHoursConfigTests {
    static let eng = "eng: { type: slack, url: \"${SLACK_URL}\" }"

    @Test func aChannelHasQuietHoursInItsOwnZone() throws {
        let main = ConfigFixture.main.replacingFirst(
            Self.eng,
            with: "eng: { type: slack, url: \"${SLACK_URL}\", quiet_hours: \"22:00-07:00\", "
                + "timezone: America/New_York }"
        )
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let channels = try result.get().channels
        #expect(channels["eng"]?.quietHours == DailyWindow(start: 22 * 60, end: 7 * 60))
        #expect(channels["eng"]?.timeZone == TimeZone(identifier: "America/New_York"))
        #expect(channels["console"]?.quietHours == nil)
        #expect(channels["console"]?.timeZone == nil)
    }

    static let cases: [BrokenConfig] = [
        BrokenConfig(name: "bad channel quiet hours",
                     mainEdit: (eng, "eng: { type: slack, url: \"${SLACK_URL}\", quiet_hours: \"22-07\" }"),
                     expected: ["herald.yaml:12:57: error: 'quiet_hours' must be HH:MM-HH:MM, not '22-07'"]),
        BrokenConfig(name: "bad channel time zone",
                     mainEdit: (eng, "eng: { type: slack, url: \"${SLACK_URL}\", timezone: Mars/Base }"),
                     expected: ["herald.yaml:12:54: error: unknown time zone 'Mars/Base' (use an IANA name such as "
                                + "Europe/London)"]),
        BrokenConfig(name: "quiet hours on the console",
                     mainEdit: ("console: { type: console }",
                                "console: { type: console, quiet_hours: \"22:00-07:00\" }"),
                     expected: ["herald.yaml:13:42: error: a console channel is never held (it pings nobody), so "
                                + "'quiet_hours' does not apply"]),
        BrokenConfig(name: "a person's quiet hours cover the working day",
                     mainEdit: ("bob: { name: Bob Roe, channel: eng }",
                                "bob: { name: Bob Roe, channel: eng, quiet_hours: \"08:00-18:00\" }"),
                     expected: ["herald.yaml:7:52: error: 'quiet_hours' 08:00-18:00 cover all working hours "
                                + "(09:00-17:30): bob could never be reached"]),
    ]

    @Test(arguments: cases) func brokenQuietHoursAreReportedExactly(_ broken: BrokenConfig) throws {
        try ConfigDiagnosticsTests().brokenConfigIsReportedExactly(broken)
    }
}
