import Foundation
import HeraldCore
import Testing

@testable import HeraldApp

/// A project whose file vanishes is kept as it was for the grace; only a file missing for all of it is removed.
@Suite struct ProjectFileGraceTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let grace: TimeInterval = 600
    static let apollo = Project(id: "apollo", name: "Apollo", sourceFile: "projects/apollo.yaml")
    static let zeus = Project(id: "zeus", name: "Zeus", sourceFile: "projects/zeus.yaml")

    /// One reading of the project files: which are there, and when (seconds after `start`).
    struct Reading: Sendable, CustomStringConvertible {
        var files: [Project]
        var at: TimeInterval
        var description: String { "\(files.map(\.id)) at +\(Int(at))s" }
    }

    /// What a sequence of readings (apollo and zeus in force at first) ends with.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var readings: [Reading]
        var projects: [String]
        var kept: Set<String>
        /// The events of the last reading, as `vanished apollo`, `returned apollo`, `removed apollo`.
        var events: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "all files there", readings: [Reading(files: [apollo, zeus], at: 0)],
             projects: ["apollo", "zeus"], kept: [], events: []),
        Case(name: "a file just missed is kept", readings: [Reading(files: [zeus], at: 0)],
             projects: ["apollo", "zeus"], kept: ["apollo"], events: ["vanished apollo"]),
        Case(name: "still missing within the grace: kept, told once",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [zeus], at: 599)],
             projects: ["apollo", "zeus"], kept: ["apollo"], events: []),
        Case(name: "back after 3 s: nothing removed",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [apollo, zeus], at: 3)],
             projects: ["apollo", "zeus"], kept: [], events: ["returned apollo"]),
        Case(name: "missing for the whole grace: removed",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [zeus], at: 600)],
             projects: ["zeus"], kept: [], events: ["removed apollo"]),
        Case(name: "removed stays removed",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [zeus], at: 600),
                        Reading(files: [zeus], at: 900)],
             projects: ["zeus"], kept: [], events: []),
        Case(name: "back after the grace is a project like any other",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [zeus], at: 700),
                        Reading(files: [apollo, zeus], at: 800)],
             projects: ["apollo", "zeus"], kept: [], events: []),
        Case(name: "the grace counts from the first miss, not from the latest reading",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [zeus], at: 300),
                        Reading(files: [zeus], at: 650)],
             projects: ["zeus"], kept: [], events: ["removed apollo"]),
        Case(name: "a file back and gone again starts a new grace",
             readings: [Reading(files: [zeus], at: 0), Reading(files: [apollo, zeus], at: 500),
                        Reading(files: [zeus], at: 550), Reading(files: [zeus], at: 700)],
             projects: ["apollo", "zeus"], kept: ["apollo"], events: []),
        Case(name: "both missing, then one back",
             readings: [Reading(files: [], at: 0), Reading(files: [zeus], at: 10)],
             projects: ["apollo", "zeus"], kept: ["apollo"], events: ["returned zeus"]),
    ]

    static func name(_ event: ProjectFileGrace.Event) -> String {
        switch event {
        case .vanished(let project, _): "vanished \(project.id)"
        case .returned(let project): "returned \(project.id)"
        case .removed(let project): "removed \(project.id)"
        }
    }

    @Test(arguments: cases)
    func readings(_ test: Case) throws {
        var grace = ProjectFileGrace(inForce: [Self.apollo, Self.zeus])
        var last: ProjectFileGrace.Outcome?
        for reading in test.readings {
            last = grace.update(files: reading.files, grace: Self.grace, now: Self.start + reading.at)
        }
        let outcome = try #require(last)
        #expect(outcome.projects.map(\.id) == test.projects)
        #expect(outcome.kept == test.kept)
        #expect(outcome.events.map(Self.name) == test.events)
    }

    @Test func aKeptProjectIsKeptAsItWasAndTheGraceEndIsKnown() {
        var grace = ProjectFileGrace(inForce: [Self.apollo, Self.zeus])
        #expect(grace.nextRemoval(grace: Self.grace) == nil)
        let outcome = grace.update(files: [Self.zeus], grace: Self.grace, now: Self.start)
        #expect(outcome.projects == [Self.apollo, Self.zeus], "the project as it was before its file vanished")
        #expect(outcome.events == [.vanished(Self.apollo, until: Self.start + 600)])
        #expect(grace.nextRemoval(grace: Self.grace) == Self.start + 600)
        #expect(grace.nextRemoval(grace: 60) == Self.start + 60, "a reload that shortens the grace shortens it")
        _ = grace.update(files: [Self.apollo, Self.zeus], grace: Self.grace, now: Self.start + 1)
        #expect(grace.nextRemoval(grace: Self.grace) == nil)
    }

    @Test func noGraceRemovesAtOnce() {
        var grace = ProjectFileGrace(inForce: [Self.apollo])
        let outcome = grace.update(files: [], grace: 0, now: Self.start)
        #expect(outcome.projects.isEmpty)
        #expect(outcome.events == [.removed(Self.apollo)])
    }
}
