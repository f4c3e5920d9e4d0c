import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport

/// A valid main file and project file that each test case breaks in one place.
enum ConfigFixture {
    static let main = """
        timezone: Europe/London
        state_dir: data
        projects_dir: projects
        calendar: { workdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25] }
        people:
          alice: { name: Alice Ng, channel: eng, mention: "<@U1>" }
          bob: { name: Bob Roe, channel: eng }
          carol: { name: Carol Diaz, channel: console }
        audiences:
          sponsors: { members: [carol], channels: [console] }
        channels:
          eng: { type: slack, url: "${SLACK_URL}" }
          console: { type: console }
        rules:
          - name: due-soon
            when: status != "done" and business_days_until_due <= 3
            notify: [owner]
            repeat: 1 business_day
        escalations:
          missed:
            levels:
              - notify: [owner]
              - { after: 1 business_day, notify: [manager] }

        """

    static let project = """
        project: apollo
        name: Apollo ERP upgrade
        manager: bob
        sponsor: carol
        channel: eng
        milestones:
          - id: design
            title: Design sign-off
            owner: alice
            due: 2026-12-04
            baseline: 2026-11-27
            status: in_progress

        """

    static let environment = ["SLACK_URL": "https://hooks.slack.com/services/T/B/secret"]

    /// Writes the files into a new directory and loads them (no change of working directory: tests run in
    /// parallel).
    static func load(
        main: String = main, projects: [String: String] = ["apollo.yaml": project],
        environment: [String: String] = environment, files: [String: String] = [:]
    ) throws -> (Result<Configuration, ConfigError>, TemporaryDirectory) {
        let (result, directory) = try check(main: main, projects: projects, environment: environment, files: files)
        return (result.map(\.configuration), directory)
    }

    /// Like `load`, through `ConfigLoader.check`: the configuration with its warnings, or every diagnostic.
    static func check(
        main: String = main, projects: [String: String] = ["apollo.yaml": project],
        environment: [String: String] = environment, files: [String: String] = [:]
    ) throws -> (Result<ConfigCheck, ConfigError>, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let mainPath = try directory.write("herald.yaml", main)
        for (name, text) in projects { try directory.write("projects/\(name)", text) }
        for (path, text) in files { try directory.write(path, text) }
        // Diagnostics name files relative to the fixture directory, as a user in it would see them.
        func relative(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = diagnostic.file.replacingOccurrences(of: directory.path + "/", with: "")
                return diagnostic
            }
        }
        do {
            var check = try ConfigLoader.check(path: mainPath, environment: environment)
            check.warnings = relative(check.warnings)
            return (.success(check), directory)
        } catch {
            return (.failure(ConfigError(diagnostics: relative(error.diagnostics))), directory)
        }
    }
}
