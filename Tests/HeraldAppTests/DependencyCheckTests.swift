import Foundation
import HeraldTestSupport
import Testing

/// `herald check` on the example config with a second project depending on `apollo`, as a user runs it: a warning
/// is printed before the summary and the check passes; a loop fails it, and only errors are counted.
@Suite struct DependencyCheckTests {
    /// `dcm/landing-zone` (due `due`) depends on `apollo/design-signoff` (due 2026-12-01) at line 8, column 18.
    static func dcm(due: String, alsoDependingOn extra: String = "") -> String {
        """
        project: dcm
        name: Data centre migration
        channel: console
        milestones:
          - id: landing-zone
            owner: bob
            due: \(due)
            depends_on: [apollo/design-signoff\(extra)]

        """
    }

    @Test func aPredecessorDueLaterIsAWarningAndTheCheckPasses() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        try example.directory.write("projects/dcm.yaml", Self.dcm(due: "2026-11-30"))
        let (status, output) = try HeraldExecutable.run(["check", "--config", example.configPath])
        #expect(status == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("projects/dcm.yaml:8:18: warning: apollo/design-signoff is due 2026-12-01, "
            + "after dcm/landing-zone that depends on it (due 2026-11-30)") == true)
        #expect(lines.last?.hasPrefix("OK: 2 projects, 5 milestones") == true)
    }

    @Test func aLoopAcrossProjectsFailsTheCheckNamingIt() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        try example.directory.write(
            "projects/dcm.yaml", Self.dcm(due: "2027-03-01", alsoDependingOn: ", apollo/uat-complete")
        )
        let apollo = example.directory.path + "/projects/apollo.yaml"
        let text = try String(contentsOfFile: apollo, encoding: .utf8)
        try example.directory.write("projects/apollo.yaml", text.replacingOccurrences(
            of: "depends_on: [requirements-baseline]", with: "depends_on: [requirements-baseline, dcm/landing-zone]"
        ))
        let (status, output) = try HeraldExecutable.run(
            ["check", "--config", example.configPath], includingErrors: true
        )
        #expect(status == 1)
        #expect(output.contains("projects/apollo.yaml:22:41: error: dependency cycle: apollo/design-signoff → "
            + "dcm/landing-zone → apollo/design-signoff (each depends on the next)"))
        #expect(output.contains(": warning: "), "the warnings the loop makes are printed too")
        #expect(output.contains("1 error\n"), "the warning is not counted")
    }
}
