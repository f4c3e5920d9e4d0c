import Foundation
import HeraldConfig
import HeraldCore
import Testing

@Suite(.serialized) struct DigestConfigTests {
    static let digests = """
        digests:
          - name: weekly-sponsor
            schedule: "mon 09:00"
            to: [audience:sponsors]
            window: 14d
          - name: board
            schedule: 0 8 1 * *
            timezone: America/New_York
            to: [sponsor, person:bob, channel:eng]
            window: 30d
            projects: [apollo]
            tolerance: 3 business_days
            skip_when_unchanged: true
          - name: critical-only
            schedule: 1st mon of month 10:00
            to: [manager]
            projects: { when: critical and status != "done" }
            tolerance: 2

        """

    @Test func everyDigestFieldIsRead() throws {
        let (result, directory) = try ConfigFixture.load(main: ConfigFixture.main + Self.digests)
        defer { directory.remove() }
        let digests = try result.get().digests
        #expect(digests.map(\.name) == ["weekly-sponsor", "board", "critical-only"])
        let weekly = digests[0], board = digests[1], critical = digests[2]
        #expect(weekly.schedule == "mon 09:00")
        #expect(weekly.timeZone == nil)
        #expect(weekly.to == [.audience("sponsors")])
        #expect(weekly.window == .days(14))
        #expect(weekly.tolerance == nil)
        #expect(weekly.skipWhenUnchanged == false)
        guard case .all = weekly.scope else {
            Issue.record("projects defaults to all")
            return
        }
        #expect(board.parsedSchedule == (try DigestSchedule(parsing: "0 8 1 * *")))
        #expect(board.timeZone == TimeZone(identifier: "America/New_York"))
        #expect(board.to == [.sponsor, .person("bob"), .channel("eng")])
        #expect(board.tolerance == 3)
        #expect(board.skipWhenUnchanged)
        guard case .projects(let ids) = board.scope, case .when = critical.scope else {
            Issue.record("projects: [ids] and projects: { when: } are read")
            return
        }
        #expect(ids == ["apollo"])
        #expect(critical.tolerance == 2)
    }

    /// (what it breaks, the replaced text, its replacement, the column reported, the message). The line is the
    /// replacement's.
    static let cases: [(name: String, old: String, new: String, column: Int, message: String)] = [
        ("bad time", "\"mon 09:00\"", "\"mon 9am\"", 20, "in 'schedule': expected a time HH:MM, not '9am'"),
        ("bad cron weekday", "0 8 1 * *", "0 8 1 * fry", 23,
         "in 'schedule': 'fry' is not a value in the day of week field"),
        ("bad ordinal form", "1st mon of month", "1st mon of mont", 26, "in 'schedule': expected 'month', not 'mont'"),
        ("unknown zone", "America/New_York", "America/Nowhere", 15,
         "unknown time zone 'America/Nowhere' (use an IANA name such as Europe/London)"),
        ("owner", "[manager]", "[owner]", 9,
         "digest 'critical-only' cannot be sent to 'owner' (it covers many milestones); use manager, sponsor, a "
            + "person, audience:KEY or channel:KEY"),
        ("unknown project", "[apollo]", "[apolo]", 16, "unknown project 'apolo'; did you mean 'apollo'?"),
        ("scope key", "projects: { when", "projects: { only: x, when", 17, "unknown key 'only' in 'projects'"),
        ("tolerance", "tolerance: 2", "tolerance: soon", 16,
         "'tolerance' must be a number of business days such as 5 or 5 business_days, not 'soon'"),
        ("window", "window: 30d", "window: a month", 13,
         "'window' must be an interval such as 4h, 2d or 1 business_day, not 'a month'"),
        ("skip flag", "skip_when_unchanged: true", "skip_when_unchanged: yes please", 26,
         "'skip_when_unchanged' must be true or false, not 'yes please'"),
        ("duplicate name", "- name: board", "- name: weekly-sponsor", 11, "duplicate digest name 'weekly-sponsor'"),
    ]

    @Test(arguments: cases.indices) func brokenDigestsAreReportedAtTheirPlace(_ index: Int) throws {
        let broken = Self.cases[index]
        let main = ConfigFixture.main + Self.digests.replacingFirst(broken.old, with: broken.new)
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("\(broken.name): expected diagnostics, the config loaded")
            return
        }
        let line = main.components(separatedBy: "\n").lastIndex { $0.contains(broken.new) }! + 1
        #expect(
            error.diagnostics.map(\.description) == ["herald.yaml:\(line):\(broken.column): error: \(broken.message)"],
            "\(broken.name)"
        )
    }
}
