import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `bundling:` and `people.X.max_per_day`: how messages to the same people are gathered, and how many a day.
@Suite struct BundlingConfigTests {
    @Test(arguments: [
        (nil, 120, nil), ("{ window: 2m }", 120, nil), ("{ window: 90s, max_per_day: 5 }", 90, 5),
        ("{ window: 0 }", 0, nil), ("{ window: 0s }", 0, nil), ("{ max_per_day: 3 }", 120, 3),
    ] as [(String?, Double, Int?)])
    func bundlingIsReadWithItsDefaults(text: String?, window: Double, maxPerDay: Int?) throws {
        let main = ConfigFixture.main + (text.map { "bundling: \($0)\n" } ?? "")
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let bundling = try result.get().bundling
        #expect(bundling.window == window)
        #expect(bundling.maxPerDay == maxPerDay)
    }

    /// (the `bundling:` value, the error after `herald.yaml:24:COL: error: `).
    static let bad: [(String, String)] = [
        ("{ window: soon }", "21: error: 'window' must look like 2m, 90s or 0 (no bundling), not 'soon'"),
        ("{ max_per_day: 0 }", "26: error: 'max_per_day' must be a whole number greater than 0, not '0'"),
        ("{ max_per_day: many }", "26: error: 'max_per_day' must be a whole number greater than 0, not 'many'"),
    ]

    @Test(arguments: bad) func aBadValueIsAnErrorAtItsPlace(text: String, error: String) throws {
        let (result, directory) = try ConfigFixture.load(main: ConfigFixture.main + "bundling: \(text)\n")
        defer { directory.remove() }
        guard case .failure(let failure) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(failure.diagnostics.map(\.description) == ["herald.yaml:24:\(error)"])
    }

    @Test func aPersonsOwnLimitIsRead() throws {
        let main = ConfigFixture.main.replacingOccurrences(
            of: "bob: { name: Bob Roe, channel: eng }", with: "bob: { name: Bob Roe, channel: eng, max_per_day: 4 }"
        )
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let people = try result.get().people
        #expect(people["bob"]?.maxPerDay == 4)
        #expect(people["alice"]?.maxPerDay == nil)
    }
}
