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
        let directory = try TemporaryDirectory()
        let mainPath = try directory.write("herald.yaml", main)
        for (name, text) in projects { try directory.write("projects/\(name)", text) }
        for (path, text) in files { try directory.write(path, text) }
        do {
            return (.success(try ConfigLoader.load(path: mainPath, environment: environment)), directory)
        } catch {
            // Diagnostics name files relative to the fixture directory, as a user in it would see them.
            let relative = error.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = diagnostic.file.replacingOccurrences(of: directory.path + "/", with: "")
                return diagnostic
            }
            return (.failure(ConfigError(diagnostics: relative)), directory)
        }
    }
}
