import Foundation
import HeraldCore

/// `herald plan --by person`: how much each person would receive over the window, the most messaged first.
extension PlanReport {
    /// A heading, then one line per person, then the warnings.
    ///
    /// ```
    /// Plan 2026-11-30 00:00 to 2026-12-30 00:00 (Europe/London): 20 messages to 4 people
    ///
    /// Carol Diaz (carol): 9 messages · console 9 · busiest day Mon 30 Nov, 3 messages
    /// ```
    public static func people(_ plan: Plan, names: [String: Person], in zone: TimeZone) -> String {
        let volumes = PersonVolume.of(plan.entries, in: zone)
        let named = volumes.filter { $0.person != nil }.count
        let today = CivilDate(plan.window.from, in: zone)
        let lines = volumes.map { volume in
            let who = volume.person.map { key in names[key].map { "\($0.name) (\(key))" } ?? key }
                ?? "Nobody named (channel posts)"
            let carried = volume.items == volume.messages ? "" : " (\(count(volume.items, "item")))"
            let channels = volume.channels.map { "\($0.channel) \($0.messages)" }.joined(separator: ", ")
            let busiest = "busiest day \(volume.busiestDay.display(today: today)), "
                + count(volume.busiestDayMessages, "message")
            return TerminalText.safe(
                "\(who): \(count(volume.messages, "message"))\(carried) · \(channels) · \(busiest)"
            )
        }
        let head = [heading(plan, in: zone) + " to \(count(named, "person"))"] + (lines.isEmpty ? [] : [""])
        return (head + lines + warnings(plan)).joined(separator: "\n")
    }

    /// `{"from", "until", "people": [{"person", "name", "messages", "items", "channels": {"slack": 3},
    /// "busiest_day": {"date", "messages"}}], "warnings": [...]}`; `person` and `name` are null for the messages
    /// that name nobody.
    public static func peopleJSON(_ plan: Plan, names: [String: Person], in zone: TimeZone) -> String {
        JSONOutput.pretty(PeopleDocument(
            from: ISO8601.string(plan.window.from), until: ISO8601.string(plan.window.until),
            people: PersonVolume.of(plan.entries, in: zone).map { volume in
                PersonItem(
                    person: volume.person, name: volume.person.map { names[$0]?.name ?? $0 },
                    messages: volume.messages, items: volume.items,
                    channels: Dictionary(uniqueKeysWithValues: volume.channels.map { ($0.channel, $0.messages) }),
                    busiestDay: BusiestDay(date: volume.busiestDay.description, messages: volume.busiestDayMessages)
                )
            },
            warnings: plan.warnings
        ))
    }

    private struct PeopleDocument: Encodable {
        var from: String
        var until: String
        var people: [PersonItem]
        var warnings: [String]
    }

    private struct PersonItem: Encodable {
        var person: String?
        var name: String?
        var messages: Int
        var items: Int
        var channels: [String: Int]
        var busiestDay: BusiestDay

        enum CodingKeys: String, CodingKey {
            case person, name, messages, items, channels, busiestDay = "busiest_day"
        }

        /// Written by hand so that the messages naming nobody have `null` person and name.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(person, forKey: .person)
            try container.encode(name, forKey: .name)
            try container.encode(messages, forKey: .messages)
            try container.encode(items, forKey: .items)
            try container.encode(channels, forKey: .channels)
            try container.encode(busiestDay, forKey: .busiestDay)
        }
    }

    private struct BusiestDay: Encodable {
        var date: String
        var messages: Int
    }
}
