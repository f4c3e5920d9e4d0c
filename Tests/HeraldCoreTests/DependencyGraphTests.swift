import HeraldCore
import Testing

/// `DependencyGraph`: what each milestone depends on and blocks across projects, the loops, the critical path, and
/// walks that stay iterative on long chains.
@Suite struct DependencyGraphTests {
    /// A milestone written `PROJECT/ID`, due on `due`, depending on `on` (items as a project file writes them).
    static func node(
        _ key: String, _ due: String, on dependencies: [String] = [], status: MilestoneStatus = .planned
    ) -> Milestone {
        let parsed = MilestoneKey(reference: key, from: "")
        return Milestone(
            projectID: parsed.projectID, id: parsed.milestoneID, title: parsed.milestoneID, owner: "alice",
            due: day(due), status: status, dependsOn: dependencies
        )
    }

    static func keys(_ texts: [String]) -> [MilestoneKey] {
        texts.map { MilestoneKey(reference: $0, from: "") }
    }

    @Test(arguments: [
        ("landing-zone", "apollo", "apollo/landing-zone"),
        ("dcm/landing-zone", "apollo", "dcm/landing-zone"),
        ("apollo/design", "apollo", "apollo/design"),
    ])
    func aReferenceNamesItsProjectOrTheSameOne(reference: String, from project: String, expected: String) {
        #expect(MilestoneKey(reference: reference, from: project).description == expected)
    }

    struct LoopCase: Sendable, CustomTestStringConvertible {
        let name: String
        let milestones: [Milestone]
        let loops: [[String]]
        var testDescription: String { name }
    }

    static let loopCases = [
        LoopCase(name: "a chain has none", milestones: [
            node("apollo/a", "2026-12-01"), node("apollo/b", "2026-12-02", on: ["a"]),
            node("apollo/c", "2026-12-03", on: ["b", "dcm/x"]), node("dcm/x", "2026-12-01"),
        ], loops: []),
        LoopCase(name: "a milestone depending on itself", milestones: [
            node("apollo/a", "2026-12-01", on: ["a"]),
        ], loops: [["apollo/a", "apollo/a"]]),
        LoopCase(name: "across projects, from the smallest key, each depending on the next", milestones: [
            node("dcm/c", "2026-12-03", on: ["apollo/a"]), node("apollo/b", "2026-12-02", on: ["dcm/c"]),
            node("apollo/a", "2026-12-01", on: ["b"]),
        ], loops: [["apollo/a", "apollo/b", "dcm/c", "apollo/a"]]),
        LoopCase(name: "two loops, one each, sorted", milestones: [
            node("zeus/p", "2026-12-01", on: ["q"]), node("zeus/q", "2026-12-01", on: ["p"]),
            node("apollo/x", "2026-12-01", on: ["y"]), node("apollo/y", "2026-12-01", on: ["x"]),
            node("apollo/z", "2026-12-01", on: ["x"]),
        ], loops: [["apollo/x", "apollo/y", "apollo/x"], ["zeus/p", "zeus/q", "zeus/p"]]),
        LoopCase(name: "tangled loops are one, the shortest through the smallest key", milestones: [
            node("apollo/a", "2026-12-01", on: ["b", "d"]), node("apollo/b", "2026-12-01", on: ["c"]),
            node("apollo/c", "2026-12-01", on: ["a"]), node("apollo/d", "2026-12-01", on: ["a", "b"]),
        ], loops: [["apollo/a", "apollo/d", "apollo/a"]]),
    ]

    @Test(arguments: loopCases)
    func cyclesAreFoundWithTheirLoopInOrder(_ test: LoopCase) {
        let graph = DependencyGraph(milestones: test.milestones)
        #expect(graph.cycles == test.loops.map(Self.keys))
    }

    /// `apollo/cutover` depends on `apollo/design` and `dcm/landing-zone` (and on an unknown `nowhere`, left out);
    /// `apollo/go-live` and `apollo/training` on the cutover; `dcm/handover` on the go-live.
    static let portfolio = [
        node("dcm/landing-zone", "2026-12-10"),
        node("dcm/handover", "2027-01-15", on: ["apollo/go-live"]),
        node("apollo/design", "2026-12-03"),
        node("apollo/cutover", "2026-12-15", on: ["design", "dcm/landing-zone", "nowhere"]),
        node("apollo/go-live", "2027-01-08", on: ["cutover"]),
        node("apollo/training", "2026-12-20", on: ["cutover"]),
    ]

    @Test(arguments: [
        ("dcm/landing-zone", ["apollo/cutover", "apollo/training", "apollo/go-live", "dcm/handover"]),
        ("apollo/design", ["apollo/cutover", "apollo/training", "apollo/go-live", "dcm/handover"]),
        ("apollo/go-live", ["dcm/handover"]),
        ("dcm/handover", []),
        ("zeus/unknown", []),
    ])
    func blocksIsTransitiveAcrossProjectsByDueDate(key: String, expected: [String]) {
        let graph = DependencyGraph(milestones: Self.portfolio)
        #expect(graph.blocks(Self.keys([key])[0]) == Self.keys(expected))
    }

    @Test func dependenciesResolveBareAndQualifiedItemsAndLeaveUnknownOnesOut() {
        let graph = DependencyGraph(milestones: Self.portfolio)
        #expect(graph.dependencies(of: Self.keys(["apollo/cutover"])[0])
            == Self.keys(["apollo/design", "dcm/landing-zone"]))
    }

    @Test func aMilestoneInALoopDoesNotBlockItself() {
        let graph = DependencyGraph(milestones: [
            Self.node("apollo/a", "2026-12-01", on: ["b"]), Self.node("apollo/b", "2026-12-02", on: ["a"]),
        ])
        #expect(graph.blocks(Self.keys(["apollo/a"])[0]) == Self.keys(["apollo/b"]))
    }

    struct PathCase: Sendable, CustomTestStringConvertible {
        let name: String
        let milestones: [Milestone]
        /// Each project's critical path, start first.
        let paths: [String: [String]]
        var testDescription: String { name }
    }

    static let pathCases = [
        PathCase(name: "the latest predecessor drives, across projects", milestones: portfolio, paths: [
            "apollo": ["dcm/landing-zone", "apollo/cutover", "apollo/go-live"],
            "dcm": ["dcm/landing-zone", "apollo/cutover", "apollo/go-live", "dcm/handover"],
        ]),
        PathCase(name: "ties go to the last in the file and the first in depends_on", milestones: [
            node("apollo/a", "2026-12-01"), node("apollo/b", "2026-12-01"),
            node("apollo/d", "2026-12-05", on: ["a"]), node("apollo/c", "2026-12-05", on: ["b", "a"]),
        ], paths: ["apollo": ["apollo/b", "apollo/c"]]),
        PathCase(name: "cancelled milestones neither end nor drive a chain", milestones: [
            node("apollo/a", "2026-12-01"), node("apollo/late", "2026-12-04", status: .cancelled),
            node("apollo/b", "2026-12-03", on: ["a", "late"]),
            node("apollo/never", "2026-12-31", on: ["b"], status: .cancelled),
        ], paths: ["apollo": ["apollo/a", "apollo/b"]]),
        PathCase(name: "done milestones still count", milestones: [
            node("apollo/a", "2026-11-20", status: .done), node("apollo/b", "2026-12-03", on: ["a"]),
        ], paths: ["apollo": ["apollo/a", "apollo/b"]]),
        PathCase(name: "a loop ends the walk", milestones: [
            node("apollo/a", "2026-12-01", on: ["b"]), node("apollo/b", "2026-12-02", on: ["a"]),
        ], paths: ["apollo": ["apollo/a", "apollo/b"]]),
    ]

    @Test(arguments: pathCases)
    func theCriticalPathWalksBackFromTheLatestFinish(_ test: PathCase) {
        let graph = DependencyGraph(milestones: test.milestones)
        for (project, path) in test.paths {
            #expect(graph.criticalPath(of: project) == Self.keys(path), "\(project)")
        }
        let onPath = Set(test.paths.values.joined())
        for milestone in test.milestones {
            #expect(graph.isOnCriticalPath(milestone.key) == onPath.contains(milestone.key.description),
                    "\(milestone.key)")
        }
    }

    @Test func aChainOf20000NeedsNoDeepStack() {
        let count = 20_000
        let chain = (0..<count).map { index in
            Self.node("big/m\(index)", "2026-12-01", on: index == 0 ? [] : ["m\(index - 1)"])
        }
        let graph = DependencyGraph(milestones: chain)
        #expect(graph.cycles.isEmpty)
        #expect(graph.blocks(chain[0].key).count == count - 1)
        #expect(graph.criticalPath(of: "big") == chain.map(\.key), "all due the same day: the last in the file ends it")

        var looped = chain
        looped[0].dependsOn = ["m\(count - 1)"]
        let loops = DependencyGraph(milestones: looped).cycles
        #expect(loops.count == 1)
        #expect(loops.first?.count == count + 1)
    }

    @Test func aLongChainDrivenByDueDatesIsTheCriticalPath() {
        let count = 20_000
        let start = day("2026-01-01")
        let chain = (0..<count).map { index in
            Milestone(
                projectID: "big", id: "m\(index)", title: "m", owner: "alice", due: start.adding(days: index),
                dependsOn: index == 0 ? [] : ["m\(index - 1)"]
            )
        }
        let path = DependencyGraph(milestones: chain).criticalPath(of: "big")
        #expect(path.count == count)
        #expect(path.first == chain[0].key)
        #expect(path.last == chain[count - 1].key)
    }
}
