import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `at: HH:MM` on a rule and on an escalation level: the local time at which repeats and levels counted in days fall.
@Suite(.serialized) struct WorkingTimeConfigTests {
    @Test func aRuleAndALevelTakeATimeOfDay() throws {
        let main = ConfigFixture.main
            .replacingFirst("repeat: 1 business_day", with: "repeat: 1 business_day\n    at: 10:30")
            .replacingFirst("{ after: 1 business_day, notify", with: "{ after: 1 business_day, at: \"08:15\", notify")
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let configuration = try result.get()
        #expect(configuration.rules.first?.repeatAt == 10 * 60 + 30)
        #expect(configuration.escalations["missed"]?.levels.map(\.at) == [nil, 8 * 60 + 15])
    }

    @Test func withoutAtRepeatsFallAtTheStartOfHours() throws {
        let (result, directory) = try ConfigFixture.load(main: ConfigFixture.main)
        defer { directory.remove() }
        #expect(try result.get().rules.first?.repeatAt == nil)
    }

    static let cases: [BrokenConfig] = [
        BrokenConfig(name: "at is not a time of day",
                     mainEdit: ("repeat: 1 business_day", "repeat: 1 business_day\n    at: 9am"),
                     expected: ["herald.yaml:19:9: error: 'at' must be a time of day HH:MM, such as 09:00, not '9am'"]),
        BrokenConfig(name: "at with an hourly repeat",
                     mainEdit: ("repeat: 1 business_day", "repeat: 4h\n    at: 09:00"),
                     expected: ["herald.yaml:19:9: error: 'at' needs 'repeat' in days or business days, such as "
                                + "1 business_day or 2d"]),
        BrokenConfig(name: "at on a level without after",
                     mainEdit: ("- notify: [owner]\n      - {", "- { notify: [owner], at: 09:00 }\n      - {"),
                     expected: ["herald.yaml:22:32: error: 'at' needs 'after' in days or business days, such as "
                                + "1 business_day or 2d"]),
    ]

    @Test(arguments: cases) func brokenAtIsReportedExactly(_ broken: BrokenConfig) throws {
        try ConfigDiagnosticsTests().brokenConfigIsReportedExactly(broken)
    }
}
