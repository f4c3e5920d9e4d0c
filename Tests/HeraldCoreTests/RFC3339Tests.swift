import Foundation
import Testing
@testable import HeraldCore

/// RFC 3339 date-times are read strictly: invalid offsets, hours, minutes and dates are refused, not folded into
/// something else; fractional seconds are read.
@Suite struct RFC3339Tests {
    static let accepted: [(String, Double)] = [
        ("2026-12-03T17:00:00+01:00", 1_796_313_600),
        ("2026-12-03T16:00:00Z", 1_796_313_600),
        ("2026-12-03t16:00:00z", 1_796_313_600),
        ("2026-12-03T17:00:00.250+01:00", 1_796_313_600.25),
        ("2026-12-03T16:00:00.5Z", 1_796_313_600.5),
        ("2026-12-03T16:00:00.000001Z", 1_796_313_600.000001),
        ("2026-12-03T10:30:00-05:30", 1_796_313_600),
        ("2026-12-04T15:59:00+23:59", 1_796_313_600),
        ("2026-12-03T16:00:00-00:00", 1_796_313_600),
    ]

    @Test(arguments: accepted)
    func accepts(text: String, seconds: Double) throws {
        let instant = try #require(RFC3339.instant(text), "\(text)")
        #expect(abs(instant.timeIntervalSince1970 - seconds) < 0.000_000_5, "\(text)")
    }

    static let refused = [
        "2026-12-03T17:00:00+25:00", // offset hours past 23
        "2026-12-03T17:00:00+05:99", // offset minutes past 59
        "2026-12-03T17:00:00+0100", // offset without colon
        "2026-12-03T17:00:00+01", // offset without minutes
        "2026-12-03T17:00:00", // no offset
        "2026-12-03T24:00:00Z", // hour 24
        "2026-12-03T17:60:00Z", // minute 60
        "2026-12-03T17:00:61Z", // second 61
        "2026-02-30T17:00:00Z", // no such date
        "2026-12-03T17:00:00.Z", // a point without digits
        "2026-12-03T17:00:00.25.1Z", // two fractions
        "2026-12-03 17:00:00Z", // space for T
        "2026-12-03T17:00Z", // no seconds
        "2026-12-03T17:00:00Z ", // trailing text
        "2026-12-03T17:00:00+01:00x",
        "2026-12-3T17:00:00Z",
        "",
    ]

    @Test(arguments: refused)
    func refuses(text: String) {
        #expect(RFC3339.instant(text) == nil, "\(text)")
    }

    @Test(arguments: [
        ("2026-12-03T17:00:00.250+01:00", true),
        ("2026-12-03T17:00:00+25:00", false),
        ("2026-12-03T17:00:00+05:99", false),
        ("2026-12-03", true),
    ])
    func deadlinesShareTheReader(text: String, accepted: Bool) {
        #expect((Deadline(text, in: TimeZone(identifier: "Europe/London")!) != nil) == accepted, "\(text)")
    }
}
