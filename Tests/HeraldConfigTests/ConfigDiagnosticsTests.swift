import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Testing

/// One broken config: which text to replace, and the exact diagnostics expected.
struct BrokenConfig: CustomTestStringConvertible, Sendable {
    var name: String
    var mainEdit: (String, String)? = nil
    var projectEdit: (String, String)? = nil
    var environment: [String: String] = ConfigFixture.environment
    /// Further files, by path relative to the main file.
    var files: [String: String] = [:]
    var expected: [String]

    var testDescription: String { name }

    /// The diagnostics loading the fixture with these edits gives; nil when it loads.
    func diagnostics() throws -> [String]? {
        var main = ConfigFixture.main
        var project = ConfigFixture.project
        if let (old, new) = mainEdit {
            #expect(main.contains(old), "fixture must contain the text to replace")
            main = main.replacingFirst(old, with: new)
        }
        if let (old, new) = projectEdit {
            #expect(project.contains(old), "fixture must contain the text to replace")
            project = project.replacingFirst(old, with: new)
        }
        let (result, directory) = try ConfigFixture.load(
            main: main, projects: ["apollo.yaml": project], environment: environment, files: files
        )
        defer { directory.remove() }
        guard case .failure(let error) = result else { return nil }
        return error.diagnostics.map(\.description)
    }
}

@Suite(.serialized) struct ConfigDiagnosticsTests {
    @Test func validFixtureLoads() throws {
        let (result, directory) = try ConfigFixture.load()
        defer { directory.remove() }
        let configuration = try result.get()
        #expect(configuration.projects.map(\.id) == ["apollo"])
        #expect(configuration.projects[0].milestones.map(\.id) == ["design"])
        #expect(configuration.projects[0].status == .active, "a project is active unless it says otherwise")
        #expect(configuration.rules.map(\.name) == ["due-soon"])
        #expect(configuration.rules[0].repeatPolicy == .every(.businessDays(1)))
        #expect(configuration.calendar.holidays == [CivilDate(iso: "2026-12-25")!])
        #expect(configuration.channels["eng"]?.kind == .slack(url: Secret("https://hooks.slack.com/services/T/B/secret")))
        #expect(configuration.stateDirectory == directory.path + "/data")
    }

    static let cases: [BrokenConfig] = [
        BrokenConfig(name: "unknown top-level key", mainEdit: ("state_dir: data", "state_dri: data"),
                     expected: ["herald.yaml:2:1: error: unknown key 'state_dri' in the config file; did you mean 'state_dir'?"]),
        BrokenConfig(name: "unset environment variable", environment: [:],
                     expected: ["herald.yaml:12:29: error: environment variable SLACK_URL is not set"]),
        BrokenConfig(name: "bad time zone", mainEdit: ("timezone: Europe/London", "timezone: Europe/Londn"),
                     expected: ["herald.yaml:1:11: error: unknown time zone 'Europe/Londn' (use an IANA name such as Europe/London)"]),
        BrokenConfig(name: "bad holiday", mainEdit: ("2026-12-25", "2026-12-32"),
                     expected: ["herald.yaml:4:61: error: holiday '2026-12-32' is not a date (YYYY-MM-DD)"]),
        BrokenConfig(name: "rule names unknown person", mainEdit: ("notify: [owner]", "notify: [owner, alicia]"),
                     expected: ["herald.yaml:17:21: error: unknown person 'alicia'; did you mean 'alice'?"]),
        BrokenConfig(name: "rule names unknown audience", mainEdit: ("notify: [owner]", "notify: [audience:board]"),
                     expected: ["herald.yaml:17:14: error: unknown audience 'board'"]),
        BrokenConfig(name: "rule names unknown channel", mainEdit: ("notify: [owner]", "notify: [channel:ops]"),
                     expected: ["herald.yaml:17:14: error: unknown channel 'ops'"]),
        BrokenConfig(name: "rule names unknown escalation", mainEdit: ("notify: [owner]", "escalate: misssed"),
                     expected: ["herald.yaml:17:15: error: unknown escalation 'misssed'; did you mean 'missed'?"]),
        BrokenConfig(name: "person on unknown channel", mainEdit: ("channel: console }\naudiences", "channel: consol }\naudiences"),
                     expected: ["herald.yaml:8:39: error: unknown channel 'consol'; did you mean 'console'?"]),
        BrokenConfig(name: "bad repeat", mainEdit: ("repeat: 1 business_day", "repeat: 1 fortnight"),
                     expected: ["herald.yaml:18:13: error: 'repeat' must be 'once' or an interval such as 1 business_day, 2d or 4h, not '1 fortnight'"]),
        BrokenConfig(name: "unsupported channel type", mainEdit: ("type: console", "type: fax"),
                     expected: ["herald.yaml:13:20: error: channel type 'fax' is not supported (supported: webhook, "
                                + "slack, teams, discord, mattermost, googlechat, email, console)"]),
        BrokenConfig(name: "owner nobody defined", projectEdit: ("owner: alice", "owner: zed"),
                     expected: ["projects/apollo.yaml:9:12: error: unknown person 'zed'"]),
        BrokenConfig(name: "duplicate milestone id",
                     projectEdit: ("status: in_progress\n", "status: in_progress\n  - { id: design, owner: bob, due: 2026-12-11 }\n"),
                     expected: ["projects/apollo.yaml:13:11: error: duplicate milestone id 'design' in project 'apollo'"]),
        BrokenConfig(name: "bad due date", projectEdit: ("due: 2026-12-04", "due: 2026-02-30"),
                     expected: ["projects/apollo.yaml:10:10: error: 'due' must be a date (YYYY-MM-DD) or a date-time with offset (2026-12-04T17:00:00+01:00), not '2026-02-30'"]),
        BrokenConfig(name: "unknown status", projectEdit: ("status: in_progress", "status: started"),
                     expected: ["projects/apollo.yaml:12:13: error: unknown status 'started' (use one of planned, in_progress, at_risk, blocked, on_hold, done, cancelled)"]),
        BrokenConfig(name: "unknown project status", projectEdit: ("channel: eng\n", "channel: eng\nstatus: paused\n"),
                     expected: ["projects/apollo.yaml:6:9: error: unknown project status 'paused' (use one of active, on_hold)"]),
        BrokenConfig(name: "unknown milestone key", projectEdit: ("baseline:", "basline:"),
                     expected: ["projects/apollo.yaml:11:5: error: unknown key 'basline' in a milestone; did you mean 'baseline'?"]),
        BrokenConfig(name: "YAML syntax error", projectEdit: ("name: Apollo ERP upgrade", "name: [Apollo"),
                     expected: ["projects/apollo.yaml:3:8: error: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"]),
        BrokenConfig(name: "type error inside an expression",
                     mainEdit: ("business_days_until_due <= 3", "business_days_until_due <= \"3\""),
                     expected: ["herald.yaml:16:56: error: in 'when': '<=' needs number or date operands, got string"]),
        BrokenConfig(name: "syntax error inside an expression",
                     mainEdit: ("and business_days_until_due <= 3", "and (business_days_until_due <= 3"),
                     expected: ["herald.yaml:16:61: error: in 'when': expected ')' after expression"]),
        BrokenConfig(name: "unknown variable inside an expression",
                     mainEdit: ("status != \"done\"", "stats != \"done\""),
                     expected: ["herald.yaml:16:11: error: in 'when': unknown variable 'stats'; did you mean 'status'?"]),
        BrokenConfig(name: "unknown dependency",
                     projectEdit: ("status: in_progress\n", "status: in_progress\n    depends_on: [requirements]\n"),
                     expected: ["projects/apollo.yaml:13:18: error: unknown milestone 'requirements' in depends_on"]),
        BrokenConfig(name: "a broken milestone is reported once, not again where it is referenced",
                     projectEdit: ("status: in_progress\n",
                                   "status: in_progress\n    depends_on: [qa]\n  - { id: qa, owner: zed, due: 2026-12-11 }\n"),
                     expected: ["projects/apollo.yaml:14:22: error: unknown person 'zed'"]),
        BrokenConfig(name: "an infinite or non-decimal retry length",
                     mainEdit: ("eng: { type: slack, url: \"${SLACK_URL}\" }",
                                "eng: { type: slack, url: \"${SLACK_URL}\", "
                                    + "retry: { schedule: [1e400s, 0x10s], max_age: infh } }"),
                     expected: [
                        "herald.yaml:12:64: error: retry delay '1e400s' must look like 5s, 5m, 2h or 1d",
                        "herald.yaml:12:72: error: retry delay '0x10s' must look like 5s, 5m, 2h or 1d",
                        "herald.yaml:12:89: error: 'max_age' must look like 72h or 3d, not 'infh'",
                     ]),
        BrokenConfig(name: "several problems at once",
                     mainEdit: ("notify: [owner]", "notify: [nobody]"),
                     projectEdit: ("owner: alice", "owner: zed"),
                     expected: [
                        "herald.yaml:17:14: error: unknown person 'nobody'",
                        "projects/apollo.yaml:9:12: error: unknown person 'zed'",
                     ]),
    ]

    @Test(arguments: cases)
    func brokenConfigIsReportedExactly(_ broken: BrokenConfig) throws {
        let found = try broken.diagnostics()
        #expect(found == broken.expected)
    }

    @Test func aProjectCanBeOnHold() throws {
        let project = ConfigFixture.project.replacingFirst("channel: eng\n", with: "channel: eng\nstatus: on_hold\n")
        let (result, directory) = try ConfigFixture.load(projects: ["apollo.yaml": project])
        defer { directory.remove() }
        #expect(try result.get().projects[0].status == .onHold)
    }

    @Test func secretIsReadFromFileAndNeverPrinted() throws {
        let main = ConfigFixture.main.replacingOccurrences(of: "url: \"${SLACK_URL}\"", with: "url_file: slack.url")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("slack.url", "https://hooks.slack.com/services/T/B/filesecret\n")
        try directory.write("herald.yaml", main)
        try directory.write("projects/apollo.yaml", ConfigFixture.project)
        let configuration = try ConfigLoader.load(path: directory.path + "/herald.yaml", environment: [:])
        let channel = try #require(configuration.channels["eng"])
        #expect(channel.kind == .slack(url: Secret("https://hooks.slack.com/services/T/B/filesecret")))
        #expect(!"\(channel)".contains("filesecret"))
    }

    @Test func missingSecretFileIsAnError() throws {
        let main = ConfigFixture.main.replacingOccurrences(of: "url: \"${SLACK_URL}\"", with: "url_file: missing.url")
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.diagnostics.map(\.description)
            == ["herald.yaml:12:33: error: cannot read 'url_file' missing.url: no such file or directory"])
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
