import Foundation
import Testing
@testable import HeraldCore

/// The calendar feed is valid RFC 5545: checked structurally here, and parsed by Python's `icalendar`.
@Suite struct CalendarFeedTests {
    static let now = EngineFixture.at("2026-12-01", 9, 30)
    static let longTitle = "Überprüfung der Lösungsarchitektur — 設計レビュー 🚀🚀 with a title long enough to fold "
        + "twice over"

    static func content(publicURL: String? = "https://herald.example") -> CalendarFeed.Content {
        let design = EngineFixture.milestone(due: "2026-12-04")
        var tricky = EngineFixture.milestone("tricky", owner: "dan", due: "2026-12-31", status: .atRisk)
        tricky.title = "Design; sign-off, phase \\ 1\nsecond line"
        tricky.phase = "Design"
        tricky.critical = true
        var long = EngineFixture.milestone("long", owner: "nobody", due: "2027-01-15", status: .cancelled)
        long.title = longTitle
        long.baseline = nil
        let milestones = [
            TrackedMilestone(milestone: design, updatedAt: EngineFixture.at("2026-11-20", 9)),
            TrackedMilestone(
                milestone: tricky, updatedAt: EngineFixture.at("2026-11-25", 14),
                history: MilestoneHistoryFacts(timesMoved: 2, statusChangedAt: EngineFixture.at("2026-11-25", 14))
            ),
            TrackedMilestone(milestone: long, updatedAt: EngineFixture.at("2026-11-26", 8)),
        ]
        return CalendarFeed.Content(
            name: "Apollo, milestones", projects: [EngineFixture.project(milestones: milestones.map(\.milestone))],
            milestones: milestones, people: EngineFixture.people, calendar: EngineFixture.calendar,
            publicURL: publicURL
        )
    }

    /// The properties of each component, unfolded, after checking every line: CRLF ends, at most 75 octets,
    /// BEGIN/END balanced.
    static func components(_ ics: String) throws -> [(name: String, properties: [(String, String)])] {
        #expect(ics.hasSuffix("\r\n"))
        let raw = ics.components(separatedBy: "\r\n").dropLast()
        var lines: [String] = []
        for line in raw {
            #expect(!line.contains("\r") && !line.contains("\n"), "a bare CR or LF")
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            #expect(!line.isEmpty)
            if line.hasPrefix(" ") {
                try #require(!lines.isEmpty, "a continuation line first")
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        var stack: [String] = []
        var components: [(name: String, properties: [(String, String)])] = []
        for line in lines {
            let colon = try #require(line.firstIndex(of: ":"), "no colon: \(line)")
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...])
            #expect(name.allSatisfy { $0.isUppercase || $0.isNumber || "-;=".contains($0) }, "\(name)")
            if name == "BEGIN" {
                stack.append(value)
                components.append((value, []))
            } else if name == "END" {
                #expect(stack.popLast() == value, "END:\(value) without its BEGIN")
            } else {
                let index = try #require(components.lastIndex { $0.name == stack.last })
                components[index].properties.append((name, value))
            }
        }
        #expect(stack.isEmpty, "unclosed \(stack)")
        return components
    }

    @Test func theFeedIsStructurallyValid() throws {
        let ics = CalendarFeed.ics(Self.content(), now: Self.now)
        let components = try Self.components(ics)
        #expect(components.map(\.name) == ["VCALENDAR", "VEVENT", "VEVENT", "VEVENT"])
        let calendar = Dictionary(components[0].properties, uniquingKeysWith: { first, _ in first })
        #expect(calendar["VERSION"] == "2.0")
        #expect(calendar["PRODID"] == "-//Herald//Herald \(HeraldVersion.current)//EN")
        #expect(calendar["CALSCALE"] == "GREGORIAN")
        #expect(calendar["METHOD"] == "PUBLISH")
        #expect(calendar["X-WR-CALNAME"] == "Apollo\\, milestones")
        let required = ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION",
                        "STATUS", "SEQUENCE", "LAST-MODIFIED", "URL"]
        for event in components.dropFirst() {
            let names = event.properties.map(\.0)
            for name in required { #expect(names.count { $0 == name } == 1, "\(name) once in \(names)") }
        }
        let design = Dictionary(components[1].properties, uniquingKeysWith: { first, _ in first })
        #expect(design["UID"] == "design@apollo.herald")
        #expect(design["DTSTAMP"] == "20261201T093000Z")
        #expect(design["DTSTART;VALUE=DATE"] == "20261204")
        #expect(design["DTEND;VALUE=DATE"] == "20261205")
        #expect(design["SUMMARY"] == "Design sign-off · Apollo ERP upgrade")
        #expect(design["DESCRIPTION"] == "Project: Apollo ERP upgrade\\nOwner: Alice Ng\\nStatus: in progress"
            + "\\nBaseline: 2026-11-27\\nSlip: 5 business days")
        #expect(design["STATUS"] == "CONFIRMED")
        #expect(design["SEQUENCE"] == "0")
        #expect(design["LAST-MODIFIED"] == "20261120T090000Z")
        #expect(design["URL"] == "https://herald.example/")
        let tricky = Dictionary(components[2].properties, uniquingKeysWith: { first, _ in first })
        #expect(tricky["SUMMARY"] == "⚠ Design\\; sign-off\\, phase \\\\ 1\\nsecond line · Apollo ERP upgrade")
        #expect(tricky["SEQUENCE"] == "2")
        #expect(tricky["DTEND;VALUE=DATE"] == "20270101", "the day after the 31st is next year's first")
        let long = Dictionary(components[3].properties, uniquingKeysWith: { first, _ in first })
        #expect(long["STATUS"] == "CANCELLED")
        #expect(long["SUMMARY"] == "✗ \(Self.longTitle) · Apollo ERP upgrade")
        #expect(!CalendarFeed.ics(Self.content(publicURL: nil), now: Self.now).contains("\r\nURL:"))
    }

    @Test func foldingNeverSplitsACharacterAndUnfoldsToTheOriginal() throws {
        for width in 0..<8 {
            let value = String(repeating: "x", count: width) + String(repeating: "é設🚀", count: 40)
            var text = ICalendarText()
            text.property("SUMMARY", value)
            let lines = text.text.components(separatedBy: "\r\n").dropLast()
            #expect(lines.count > 2)
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            #expect(lines.dropLast().allSatisfy { $0.utf8.count > 71 }, "each fold is as late as it can be")
            let unfolded = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }
            #expect(unfolded.joined() == "SUMMARY:" + value)
        }
    }

    @Test(arguments: [
        ("plain", "plain"), ("a;b", "a\\;b"), ("a,b", "a\\,b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"), ("a\rb", "a\\nb"), ("a\tb", "a b"), ("a\u{7}b", "ab"), ("\"q\": ok", "\"q\": ok"),
    ])
    func textValuesAreEscaped(value: String, escaped: String) {
        #expect(ICalendarText.escaped(value) == escaped)
    }

    /// Parses `ics` with Python's `icalendar` and prints each event; nil when the package is missing and this is
    /// not CI (`HERALD_CI=1` requires it: `scripts/bootstrap.sh` installs it).
    static func parsedByPython(_ ics: String) throws -> String? {
        let script = """
            import sys
            try:
                import icalendar
            except ImportError:
                sys.exit(3)
            calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode("utf-8"))
            print(calendar["X-WR-CALNAME"], calendar["VERSION"], calendar["METHOD"])
            for event in calendar.walk("VEVENT"):
                print(event["UID"], event.decoded("DTSTART").isoformat(), event.decoded("DTEND").isoformat(),
                      event["STATUS"], event["SEQUENCE"])
                print(event.decoded("DTSTAMP").isoformat(), event.decoded("LAST-MODIFIED").isoformat())
                print(event["SUMMARY"])
                print(repr(str(event["DESCRIPTION"])))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(ics.utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 {
            let required = ProcessInfo.processInfo.environment["HERALD_CI"] == "1"
            #expect(!required, "Python's icalendar is missing: run scripts/bootstrap.sh")
            return nil
        }
        #expect(process.terminationStatus == 0, "\(String(decoding: problems, as: UTF8.self))")
        return String(decoding: printed, as: UTF8.self)
    }

    @Test func pythonsICalendarParsesTheFeedBackToTheMilestones() throws {
        guard let parsed = try Self.parsedByPython(CalendarFeed.ics(Self.content(), now: Self.now)) else { return }
        #expect(parsed.components(separatedBy: "\n") == [
            "Apollo\\, milestones 2.0 PUBLISH", // icalendar keeps an X- property's text as written (escaped)
            "design@apollo.herald 2026-12-04 2026-12-05 CONFIRMED 0",
            "2026-12-01T09:30:00+00:00 2026-11-20T09:00:00+00:00",
            "Design sign-off · Apollo ERP upgrade",
            "'Project: Apollo ERP upgrade\\nOwner: Alice Ng\\nStatus: in progress\\nBaseline: 2026-11-27\\n"
                + "Slip: 5 business days'",
            "tricky@apollo.herald 2026-12-31 2027-01-01 CONFIRMED 2",
            "2026-12-01T09:30:00+00:00 2026-11-25T14:00:00+00:00",
            "⚠ Design; sign-off, phase \\ 1",
            "second line · Apollo ERP upgrade",
            "'Project: Apollo ERP upgrade\\nOwner: Dan Okafor\\nStatus: at risk, critical\\nPhase: Design\\n"
                + "Baseline: 2026-11-27\\nSlip: 23 business days'",
            "long@apollo.herald 2027-01-15 2027-01-16 CANCELLED 0",
            "2026-12-01T09:30:00+00:00 2026-11-26T08:00:00+00:00",
            "✗ \(Self.longTitle) · Apollo ERP upgrade",
            "'Project: Apollo ERP upgrade\\nOwner: nobody\\nStatus: cancelled'",
            "",
        ])
    }
}
