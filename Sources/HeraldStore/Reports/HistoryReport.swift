import Foundation
import HeraldCore

/// A milestone's (or a whole project's) history as a project manager reads it (`herald history`,
/// `GET /api/v1/projects/{p}/milestones/{m}/history`): every recorded change, oldest first, with its source and who
/// made it.
public struct HistoryReport: Hashable, Sendable {
    /// The changes, oldest first.
    public var entries: [HistoryEntry]

    /// Reads the history of `projectID`'s milestone `milestoneID` (of every milestone of the project when nil), only
    /// what was recorded at or after `since` when given. Removed milestones and projects keep their history.
    ///
    /// - Throws: ``UnknownTarget`` when the store never recorded the project or the milestone.
    public init(store: HeraldStore, projectID: String, milestoneID: String?, since: Date? = nil) throws {
        let recorded = try store.history(projectID: projectID, milestoneID: milestoneID)
        guard !recorded.isEmpty else {
            if let milestoneID, try !store.history(projectID: projectID, milestoneID: nil).isEmpty {
                throw UnknownTarget(description: "unknown milestone '\(milestoneID)' in project '\(projectID)'")
            }
            throw UnknownTarget(description: "unknown project '\(projectID)'")
        }
        entries = since.map { since in recorded.filter { $0.at >= since } } ?? recorded
    }

    /// Creates a report of `entries`.
    public init(entries: [HistoryEntry]) {
        self.entries = entries
    }

    /// A project or milestone the store has no history of, in words.
    public struct UnknownTarget: Error, Hashable, Sendable, CustomStringConvertible {
        /// `unknown project 'zeus'`, `unknown milestone 'qa' in project 'apollo'`.
        public let description: String
    }

    /// One line per change: `Fri 4 Dec 2026 09:00  design  due: Thu 3 Dec → Fri 11 Dec  (API, by Mike Lee)`, with
    /// times in `zone`, statuses in words and people by their names (`names`: person key to name; a key or free
    /// name not in it is shown as it is).
    public func lines(names: [String: String], in zone: TimeZone) -> [String] {
        entries.map { entry in
            let by = entry.actor.map { ", by " + (names[$0] ?? $0) } ?? ""
            return "\(Self.when(entry.at, in: zone))  \(entry.milestoneID)  "
                + "\(Self.described(entry.change, names: names, zone: zone))  (\(Self.source(entry.source))\(by))"
        }
    }

    /// The entries as a JSON array of `{"at", "milestone", "field", "from", "to", "source", "actor"}`: `at` in
    /// RFC 3339 UTC, `from` and `to` as history records them (`in_progress`, person keys, `YYYY-MM-DD`), null when
    /// absent, as `actor` is for a project file's changes.
    public var json: String {
        JSONOutput.pretty(entries.map(Item.init))
    }

    /// `Fri 4 Dec 2026 09:00` in `zone`.
    static func when(_ date: Date, in zone: TimeZone) -> String {
        let day = CivilDate(date, in: zone)
        return "\(day.shortDisplay) \(day.components.year) \(ConsoleLine.localTime(date, in: zone).suffix(5))"
    }

    /// `file apollo.yaml`, `API`, `chat`: where a change came from (the actor says who).
    static func source(_ source: String) -> String {
        if source == "api" { return "API" }
        if source.hasPrefix("chat:") { return "chat" }
        if source.hasPrefix("file:") { return "file " + source.dropFirst(5) }
        return source
    }

    /// `due: Thu 3 Dec → Fri 11 Dec`, `note: "waiting for the board"`, `removed`.
    static func described(_ change: FieldChange, names: [String: String], zone: TimeZone) -> String {
        switch change.field {
        case "removed":
            return "removed"
        case "note":
            return "note: \"\(change.newValue ?? "")\""
        default:
            let field = change.field == "due_instant" ? "due time" : change.field.replacingOccurrences(of: "_", with: " ")
            let old = value(change.oldValue, of: change.field, names: names, zone: zone)
            let new = value(change.newValue, of: change.field, names: names, zone: zone)
            return "\(field): \(old) → \(new)"
        }
    }

    /// A recorded value in words: statuses (`in progress`), people's names, dates (`Thu 3 Dec`), lists joined;
    /// `none` when absent.
    static func value(_ text: String?, of field: String, names: [String: String], zone: TimeZone) -> String {
        guard let text else { return "none" }
        switch field {
        case "status":
            return MilestoneStatus(rawValue: text).map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? text
        case "owner":
            return names[text] ?? text
        case "due", "baseline":
            return CivilDate(iso: text)?.shortDisplay ?? text
        case "due_instant":
            return (try? Date(text, strategy: .iso8601)).map { when($0, in: zone) } ?? text
        case "critical":
            return text == "true" ? "yes" : "no"
        case "depends_on", "deliverables":
            let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
            return list?.joined(separator: ", ") ?? text
        case "labels":
            let labels = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            return labels?.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") ?? text
        default:
            return text
        }
    }

    private struct Item: Encodable {
        var at: String
        var milestone: String
        var field: String
        var from: String?
        var to: String?
        var source: String
        var actor: String?

        init(_ entry: HistoryEntry) {
            at = ISO8601.string(entry.at)
            milestone = entry.milestoneID
            field = entry.change.field
            from = entry.change.oldValue
            to = entry.change.newValue
            source = entry.source
            actor = entry.actor
        }

        enum CodingKeys: String, CodingKey {
            case at, milestone, field, from, to, source, actor
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(at, forKey: .at)
            try container.encode(milestone, forKey: .milestone)
            try container.encode(field, forKey: .field)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(source, forKey: .source)
            try container.encode(actor, forKey: .actor)
        }
    }
}
