import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// Project files and their fields have size limits (`limits:`, with defaults), ids a safe character set, and a NUL
/// character anywhere is refused, never truncated: each an error at its place.
@Suite struct InputLimitConfigTests {
    /// The fixture with `limits:` on line 4 and the project file edited.
    static func limited(_ limits: String, _ name: String, projectEdit: (String, String), expected: [String])
        -> BrokenConfig {
        BrokenConfig(name: name, mainEdit: ("projects_dir: projects\n", "projects_dir: projects\nlimits: \(limits)\n"),
                     projectEdit: projectEdit, expected: expected)
    }

    static let cases: [BrokenConfig] = [
        BrokenConfig(name: "a title over the default limit",
                     projectEdit: ("title: Design sign-off", "title: " + String(repeating: "x", count: 301)),
                     expected: ["projects/apollo.yaml:8:12: error: 'title' is 301 characters long, over "
                         + "limits.title_length (300)"]),
        limited("{ title_length: 10 }", "a title over a configured limit",
                projectEdit: ("title: Design sign-off", "title: Design sign-off"),
                expected: ["projects/apollo.yaml:8:12: error: 'title' is 15 characters long, over "
                    + "limits.title_length (10)"]),
        limited("{ list_length: 2 }", "too many deliverables",
                projectEdit: ("status: in_progress\n", "status: in_progress\n    deliverables: [a, b, c]\n"),
                expected: ["projects/apollo.yaml:13:19: error: 'deliverables' has 3 items, over "
                    + "limits.list_length (2)"]),
        limited("{ text_length: 3 }", "a deliverable over the text limit",
                projectEdit: ("status: in_progress\n", "status: in_progress\n    deliverables: [spec]\n"),
                expected: ["projects/apollo.yaml:2:7: error: 'name' is 18 characters long, over limits.text_length (3)",
                           "projects/apollo.yaml:13:20: error: each item of 'deliverables' is 4 characters long, over "
                               + "limits.text_length (3)"]),
        limited("{ text_length: 3 }", "a label over the text limit",
                projectEdit: ("status: in_progress\n", "status: in_progress\n    labels: { team: infra }\n"),
                expected: ["projects/apollo.yaml:2:7: error: 'name' is 18 characters long, over limits.text_length (3)",
                           "projects/apollo.yaml:13:15: error: a label's name is 4 characters long, over "
                               + "limits.text_length (3)",
                           "projects/apollo.yaml:13:21: error: label 'team' is 5 characters long, over "
                               + "limits.text_length (3)"]),
        limited("{ id_length: 7 }", "an id over the limit", projectEdit: ("id: design", "id: design-x"),
                expected: ["projects/apollo.yaml:7:9: error: milestone id is 8 characters long, over "
                    + "limits.id_length (7)"]),
        limited("{ project_file_size: 100 }", "a project file over its size limit",
                projectEdit: ("id: design", "id: design"),
                expected: ["projects/apollo.yaml:1:1: error: cannot read file: it is larger than "
                    + "limits.project_file_size, 100 bytes"]),
        limited("{ project_file_size: 1KiB, title_length: -1, tiles: 3 }", "bad limits",
                projectEdit: ("id: design", "id: design"),
                expected: ["herald.yaml:4:50: error: 'title_length' must be a whole number greater than 0, not '-1'",
                           "herald.yaml:4:54: error: unknown key 'tiles' in 'limits'"]),
        BrokenConfig(name: "a NUL character in a title", projectEdit: ("title: Design sign-off", #"title: "Design\0""#),
                     expected: ["projects/apollo.yaml:8:12: error: 'title' contains a NUL character"]),
        BrokenConfig(name: "a NUL character in a label name",
                     projectEdit: ("status: in_progress\n", "status: in_progress\n    labels: { \"a\\0b\": x }\n"),
                     expected: ["projects/apollo.yaml:13:15: error: 'labels' names must be plain strings"]),
        BrokenConfig(name: "a milestone id with a slash", projectEdit: ("id: design", "id: a/b"),
                     expected: ["projects/apollo.yaml:7:9: error: milestone id 'a/b' may hold only letters, digits, "
                         + "'-', '_' and '.', and must start with a letter or digit"]),
        BrokenConfig(name: "a milestone id with a space", projectEdit: ("id: design", #"id: "de sign""#),
                     expected: ["projects/apollo.yaml:7:9: error: milestone id 'de sign' may hold only letters, "
                         + "digits, '-', '_' and '.', and must start with a letter or digit"]),
        BrokenConfig(name: "a milestone id of ..", projectEdit: ("id: design", "id: .."),
                     expected: ["projects/apollo.yaml:7:9: error: milestone id '..' may hold only letters, digits, "
                         + "'-', '_' and '.', and must start with a letter or digit"]),
        BrokenConfig(name: "a project id with a control character",
                     projectEdit: ("project: apollo", #"project: "apo\tllo""#),
                     expected: [#"projects/apollo.yaml:1:10: error: project id 'apo\tllo' may hold only letters, "#
                         + "digits, '-', '_' and '.', and must start with a letter or digit"]),
        BrokenConfig(name: "an offset past 23 hours",
                     projectEdit: ("due: 2026-12-04", "due: 2026-12-04T17:00:00+25:00"),
                     expected: ["projects/apollo.yaml:10:10: error: 'due' must be a date (YYYY-MM-DD) or a date-time "
                         + "with offset (2026-12-04T17:00:00+01:00), not '2026-12-04T17:00:00+25:00'"]),
        BrokenConfig(name: "offset minutes past 59",
                     projectEdit: ("due: 2026-12-04", "due: 2026-12-04T17:00:00+05:99"),
                     expected: ["projects/apollo.yaml:10:10: error: 'due' must be a date (YYYY-MM-DD) or a date-time "
                         + "with offset (2026-12-04T17:00:00+01:00), not '2026-12-04T17:00:00+05:99'"]),
    ]

    @Test(arguments: cases)
    func overTheLimitsIsAnErrorAtItsPlace(_ broken: BrokenConfig) throws {
        let found = try broken.diagnostics()
        #expect(found == broken.expected)
    }

    @Test func unicodeIdsAndFractionalSecondsAreAccepted() throws {
        let project = ConfigFixture.project.replacingFirst("id: design", with: "id: ünï.v2_a-b")
            .replacingFirst("due: 2026-12-04", with: "due: 2026-12-03T17:00:00.250+01:00")
        let (result, directory) = try ConfigFixture.load(projects: ["apollo.yaml": project])
        defer { directory.remove() }
        let milestone = try #require(try result.get().projects.first?.milestones.first)
        #expect(milestone.id == "ünï.v2_a-b")
        #expect(milestone.dueInstant?.timeIntervalSince1970 == 1_796_313_600.25)
    }

    @Test func theDefaultsHoldWithoutALimitsSection() throws {
        let (result, directory) = try ConfigFixture.load()
        defer { directory.remove() }
        #expect(try result.get().limits == InputLimits())
    }
}
