import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Testing

/// Where and how the loader reports what it cannot read: directories at their key, duplicate keys at the repetition,
/// the operating system's reason, a hint for an unquoted `${VAR}` in a flow mapping, too-large expressions and too
/// deeply nested YAML as clean errors, templates linking outside `templates_dir` refused.
@Suite struct LoaderDiagnosticsTests {
    static let cases: [BrokenConfig] = [
        BrokenConfig(name: "a missing projects_dir", mainEdit: ("projects_dir: projects", "projects_dir: nowhere"),
                     expected: ["herald.yaml:3:1: error: cannot read projects_dir NOWHERE: no such file or directory"]),
        BrokenConfig(name: "a missing templates_dir", mainEdit: ("projects_dir: projects\n",
                                                                   "projects_dir: projects\ntemplates_dir: nowhere\n"),
                     expected: ["herald.yaml:4:1: error: cannot read templates_dir NOWHERE: no such file or "
                         + "directory"]),
        BrokenConfig(name: "a duplicate key in a block mapping",
                     mainEdit: ("repeat: 1 business_day\n", "repeat: 1 business_day\n    repeat: once\n"),
                     expected: ["herald.yaml:19:5: error: duplicate key 'repeat' (first given at line 18)"]),
        BrokenConfig(name: "a duplicate key in a flow mapping",
                     mainEdit: ("bob: { name: Bob Roe,", "bob: { name: Bob Roe, name: Robert,"),
                     expected: ["herald.yaml:7:25: error: duplicate key 'name' (first given at line 7)"]),
        BrokenConfig(name: "a bad depends_on item is reported once",
                     projectEdit: ("status: in_progress\n", "status: in_progress\n    depends_on: [{ a: b }]\n"),
                     expected: ["projects/apollo.yaml:13:18: error: each item of 'depends_on' must be a single value, "
                         + "not a mapping"]),
        BrokenConfig(name: "an unquoted ${VAR} in a flow mapping",
                     mainEdit: (#"url: "${SLACK_URL}""#, "url: ${SLACK_URL}"),
                     expected: ["herald.yaml:12:29: error: invalid YAML: while parsing a flow mapping did not find "
                         + #"expected ',' or '}'; a ${VAR} inside { } or [ ] must be quoted: "${VAR}""#]),
        BrokenConfig(name: "a 4,000-term expression",
                     mainEdit: ("when: status != \"done\" and business_days_until_due <= 3",
                                "when: " + Array(repeating: "critical", count: 4_000).joined(separator: " and ")),
                     expected: ["herald.yaml:16:10011: error: in 'when': expression too long: more than 10000 "
                         + "characters"]),
        BrokenConfig(name: "a list nested 3,000 deep in an expression",
                     mainEdit: ("when: status != \"done\" and business_days_until_due <= 3",
                                "when: id in " + String(repeating: "[", count: 3_000)
                                    + String(repeating: "]", count: 3_000)),
                     expected: ["herald.yaml:16:81: error: in 'when': expression too deep: more than 64 levels of "
                         + "nesting"]),
        BrokenConfig(name: "YAML nested 5,000 deep",
                     projectEdit: ("status: in_progress\n", "status: in_progress\n    labels: "
                         + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"),
                     expected: ["projects/apollo.yaml:13:14: error: invalid YAML: nested more than 1000 levels deep"]),
    ]

    @Test(arguments: cases)
    func reportedAtTheRightPlace(_ broken: BrokenConfig) throws {
        let found = try broken.diagnostics()?.map { $0.replacing(#/ /\S*/nowhere/#, with: " NOWHERE") }
        #expect(found == broken.expected)
    }

    @Test func anUnreadableProjectFileSaysWhy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let main = try directory.write("herald.yaml", ConfigFixture.main)
        try directory.write("projects/apollo.yaml", ConfigFixture.project)
        try FileManager.default.createDirectory(atPath: directory.path + "/projects/folder.yaml",
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/projects/gone.yaml",
                                                   withDestinationPath: directory.path + "/moved.yaml")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: main, environment: ConfigFixture.environment) }
        do {
            _ = try ConfigLoader.load(path: main, environment: ConfigFixture.environment)
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "projects/folder.yaml:1:1: error: cannot read file: it is a directory",
                "projects/gone.yaml:1:1: error: cannot read file: no such file or directory",
            ].map { directory.path + "/" + $0 })
        }
    }

    @Test func aTemplateLinkingOutsideTemplatesDirIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let main = try directory.write("herald.yaml", "templates_dir: templates\n" + ConfigFixture.main)
        try directory.write("projects/apollo.yaml", ConfigFixture.project)
        let secret = try directory.write("secret.txt", "the server's secrets\n")
        try directory.write("templates/shared/reminder.txt", "{{text}}\n")
        let templates = directory.path + "/templates/"
        try FileManager.default.createSymbolicLink(atPath: templates + "digest.mustache", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: templates + "reminder.mustache",
                                                   withDestinationPath: "shared/reminder.txt")
        do {
            _ = try ConfigLoader.load(path: main, environment: ConfigFixture.environment)
            Issue.record("a link to \(secret) was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(templates)digest.mustache:1:1: error: a template must be a file inside templates_dir, but this "
                    + "one links to \(secret)",
            ])
        }
    }
}
