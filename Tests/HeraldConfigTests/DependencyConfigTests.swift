import HeraldConfig
import HeraldCore
import Testing

/// `depends_on` checked across projects: `PROJECT/MILESTONE` items, unknown ones once at their item, a loop as an
/// error naming it, a predecessor due after its successor as a warning.
@Suite struct DependencyConfigTests {
    /// `apollo/design` depends on `dcm/landing-zone` (line 9), `apollo/cutover` on `design` (line 13).
    static let apollo = """
        project: apollo
        name: Apollo
        manager: bob
        channel: eng
        milestones:
          - id: design
            owner: alice
            due: 2026-12-04
            depends_on: [dcm/landing-zone]
          - id: cutover
            owner: alice
            due: 2026-12-15
            depends_on: [design]

        """

    static let dcm = """
        project: dcm
        name: Data centre migration
        channel: eng
        milestones:
          - id: landing-zone
            owner: bob
            due: 2026-12-01

        """

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var apolloEdit: (String, String)?
        var dcmEdit: (String, String)?
        /// Every diagnostic, errors and warnings, in file order.
        let expected: [String]
        /// Whether the configuration loads (only warnings).
        var loads: Bool { !expected.contains { $0.contains(": error: ") } }
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "a dependency on another project's milestone is fine", expected: []),
        Case(name: "a predecessor due after its successor is a warning naming both dates",
             dcmEdit: ("due: 2026-12-01", "due: 2026-12-10"),
             expected: ["projects/apollo.yaml:9:18: warning: dcm/landing-zone is due 2026-12-10, after apollo/design "
                + "that depends on it (due 2026-12-04)"]),
        Case(name: "a closed predecessor due later is no warning",
             dcmEdit: ("due: 2026-12-01", "due: 2026-12-10\n    status: done"), expected: []),
        Case(name: "a loop across projects is an error at the item of its first link, beside the warning it makes",
             dcmEdit: ("due: 2026-12-01", "due: 2026-12-01\n    depends_on: [apollo/cutover]"),
             expected: [
                "projects/apollo.yaml:13:18: error: dependency cycle: apollo/cutover → apollo/design → "
                    + "dcm/landing-zone → apollo/cutover (each depends on the next)",
                "projects/dcm.yaml:8:18: warning: apollo/cutover is due 2026-12-15, after dcm/landing-zone that "
                    + "depends on it (due 2026-12-01)",
             ]),
        Case(name: "a milestone depending on itself",
             apolloEdit: ("depends_on: [design]", "depends_on: [cutover]"),
             expected: ["projects/apollo.yaml:13:18: error: dependency cycle: apollo/cutover → apollo/cutover "
                + "(each depends on the next)"]),
        Case(name: "an unknown milestone of a known project, once",
             apolloEdit: ("[dcm/landing-zone]", "[dcm/landing]"),
             expected: ["projects/apollo.yaml:9:18: error: unknown milestone 'dcm/landing' in depends_on"]),
        Case(name: "a milestone of an unknown project, once",
             apolloEdit: ("[dcm/landing-zone]", "[zeus/landing-zone]"),
             expected: ["projects/apollo.yaml:9:18: error: unknown milestone 'zeus/landing-zone' in depends_on"]),
        Case(name: "an unknown bare id names the same project",
             apolloEdit: ("[dcm/landing-zone]", "[landing-zone]"),
             expected: ["projects/apollo.yaml:9:18: error: unknown milestone 'landing-zone' in depends_on"]),
        Case(name: "an item that is not a single value, once",
             apolloEdit: ("[dcm/landing-zone]", "[{ id: landing-zone }]"),
             expected: ["projects/apollo.yaml:9:18: error: each item of 'depends_on' must be a single value, "
                + "not a mapping"]),
        Case(name: "an unset variable in an item, once",
             apolloEdit: ("[dcm/landing-zone]", "[\"dcm/${ZONE}\"]"),
             expected: ["projects/apollo.yaml:9:23: error: environment variable ZONE is not set"]),
    ]

    @Test func aLongLoopNamesItsFirstTenMilestonesAndCountsTheRest() throws {
        let milestones = (0...12).map { index in
            "  - id: m\(index)\n    owner: alice\n    due: 2026-12-01\n    depends_on: [m\((index + 12) % 13)]\n"
        }
        let text = "project: apollo\nname: Apollo\nchannel: eng\nmilestones:\n" + milestones.joined()
        let (result, directory) = try ConfigFixture.check(projects: ["apollo.yaml": text])
        defer { directory.remove() }
        let shown = ["m0", "m12", "m11", "m10", "m9", "m8", "m7", "m6", "m5", "m4"].map { "apollo/\($0)" }
        guard case .failure(let error) = result else {
            Issue.record("expected the loop to stop the load")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "projects/apollo.yaml:8:18: error: dependency cycle: \(shown.joined(separator: " → ")) → … 2 more … → "
                + "apollo/m1 → apollo/m0 (each depends on the next)",
        ])
    }

    @Test(arguments: cases)
    func dependenciesAreCheckedAcrossProjects(_ test: Case) throws {
        var (apollo, dcm) = (Self.apollo, Self.dcm)
        if let (old, new) = test.apolloEdit {
            #expect(apollo.contains(old))
            apollo = apollo.replacingFirst(old, with: new)
        }
        if let (old, new) = test.dcmEdit {
            #expect(dcm.contains(old))
            dcm = dcm.replacingFirst(old, with: new)
        }
        let (result, directory) = try ConfigFixture.check(projects: ["apollo.yaml": apollo, "dcm.yaml": dcm])
        defer { directory.remove() }
        switch result {
        case .success(let check):
            #expect(test.loads, "the config loaded")
            #expect(check.warnings.map(\.description) == test.expected)
            let design = check.configuration.projects.first { $0.id == "apollo" }?.milestones.first
            #expect(design?.dependsOn == ["dcm/landing-zone"], "kept as written")
        case .failure(let error):
            #expect(!test.loads, "the config did not load")
            #expect(error.diagnostics.map(\.description) == test.expected)
            #expect(error.errors.allSatisfy { $0.severity == .error })
            #expect(error.errors.count == test.expected.filter { $0.contains(": error: ") }.count)
        }
    }
}
