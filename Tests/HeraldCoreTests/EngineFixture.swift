import Foundation
@testable import HeraldCore

/// A small configuration built in code for engine tests: London calendar, two channels, four people.
enum EngineFixture {
    static let london = TimeZone(identifier: "Europe/London")!
    static let calendar = BusinessCalendar(timeZone: london, holidays: [CivilDate(iso: "2026-12-25")!])

    static let people: [String: Person] = [
        "alice": Person(key: "alice", name: "Alice Ng", channel: "eng", mention: "<@U1>"),
        "bob": Person(key: "bob", name: "Bob Roe", channel: "eng"),
        "carol": Person(key: "carol", name: "Carol Diaz", channel: "board"),
        "dan": Person(key: "dan", name: "Dan Okafor"),
    ]

    static let audiences: [String: Audience] = [
        "sponsors": Audience(key: "sponsors", members: ["carol", "bob"], channels: ["board"]),
        "leads": Audience(key: "leads", members: ["alice", "carol"], channels: []),
    ]

    static func milestone(
        _ id: String = "design", owner: String = "alice", due: String = "2026-12-04",
        status: MilestoneStatus = .inProgress
    ) -> Milestone {
        Milestone(
            projectID: "apollo", id: id, title: "Design sign-off", owner: owner, due: CivilDate(iso: due)!,
            baseline: CivilDate(iso: "2026-11-27"), status: status
        )
    }

    static func project(channel: String? = "eng", manager: String? = "bob", milestones: [Milestone]) -> Project {
        Project(id: "apollo", name: "Apollo ERP upgrade", manager: manager, sponsor: "carol", channel: channel,
                milestones: milestones)
    }

    static func rule(
        _ name: String = "due-soon",
        when: String = "business_days_until_due <= 3 and business_days_until_due >= 0",
        notify: [Recipient] = [.owner], repeat policy: RepeatPolicy = .once
    ) throws -> Rule {
        Rule(name: name, condition: try RuleExpression.compile(when), action: .notify(notify), repeatPolicy: policy)
    }

    static func configuration(rules: [Rule], projects: [Project]) -> Configuration {
        Configuration(
            file: "herald.yaml", stateDirectory: "/tmp", projectsDirectory: "/tmp", calendar: calendar,
            people: people, audiences: audiences,
            channels: ["eng": Channel(name: "eng", kind: .console), "board": Channel(name: "board", kind: .console)],
            rules: rules, projects: projects
        )
    }

    /// A London wall-clock instant.
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
        calendar.instant(of: CivilDate(iso: date)!, minuteOfDay: hour * 60 + minute)
    }
}
