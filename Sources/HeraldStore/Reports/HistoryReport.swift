import Foundation
import HeraldCore

/// A milestone's (or a whole project's) history as a project manager reads it (`herald history`,
/// `GET /api/v1/projects/{p}/milestones/{m}/history`): every recorded change with its source and who made it, and
/// the acknowledgements and snoozes among them, oldest first.
public struct HistoryReport: Hashable, Sendable {
    /// One line of the history: a field's change, or an event (`acknowledged`, `snoozed`, `unsnoozed`).
    public struct Entry: Hashable, Sendable {
        /// When it happened.
        public var at: Date
        /// Nil for an event of the whole project (its snooze).
        public var milestoneID: String?
        /// The field changed (`due`, `status`, `note`, `removed`, …), or the event.
        public var field: String
        /// The old value as history records it (`in_progress`, a person key, `YYYY-MM-DD`); nil when there was none.
        public var from: String?
        /// The new value, likewise; a snooze's is its date, or `due change`.
        public var to: String?
        /// `file:apollo.yaml`, `api`, `chat:alice`; `escalation:ID` for an acknowledgement, `snooze` for a snooze.
        public var source: String
        /// Who made it: a person key or a free name; nil for a project file's changes.
        public var actor: String?
        /// An acknowledgement's or a snooze's note, the reason a snooze was lifted.
        public var note: String?

        /// Creates an entry.
        public init(
            at: Date, milestoneID: String?, field: String, from: String? = nil, to: String? = nil, source: String,
            actor: String? = nil, note: String? = nil
        ) {
            self.at = at
            self.milestoneID = milestoneID
            self.field = field
            self.from = from
            self.to = to
            self.source = source
            self.actor = actor
            self.note = note
        }

        /// The entry of a recorded change.
        public init(_ entry: HistoryEntry) {
            self.init(
                at: entry.at, milestoneID: entry.milestoneID, field: entry.change.field, from: entry.change.oldValue,
                to: entry.change.newValue, source: entry.source, actor: entry.actor
            )
        }
    }

    /// The entries, oldest first.
    public var entries: [Entry]

    /// Reads the history of `projectID`'s milestone `milestoneID` (of every milestone of the project when nil), only
    /// what happened at or after `since` when given. Removed milestones and projects keep their history.
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
        var entries = recorded.map(Entry.init)
        for event in try store.acknowledgements(projectID: projectID, milestoneID: milestoneID) {
            let acknowledgement = event.acknowledgement
            entries.append(Entry(
                at: acknowledgement.at, milestoneID: event.milestoneID, field: "acknowledged",
                source: "escalation:\(event.escalationID)", actor: acknowledgement.by, note: acknowledgement.note
            ))
        }
        for event in try store.snoozeEvents(projectID: projectID, milestoneID: milestoneID) {
            let snooze = event.snooze
            let until = switch snooze.end {
            case .date(let date, _): date.description
            case .dueChange: "due change"
            }
            entries.append(Entry(
                at: snooze.createdAt, milestoneID: snooze.milestoneID, field: "snoozed", to: until, source: "snooze",
                actor: snooze.by, note: snooze.note
            ))
            if let liftedAt = event.liftedAt {
                entries.append(Entry(
                    at: liftedAt, milestoneID: snooze.milestoneID, field: "unsnoozed", source: "snooze",
                    note: event.liftedReason
                ))
            }
        }
        let ordered = entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        self.entries = ordered.map(\.element).filter { entry in since.map { entry.at >= $0 } ?? true }
    }

    /// A project or milestone the store has no history of, in words.
    public struct UnknownTarget: Error, Hashable, Sendable, CustomStringConvertible {
        /// `unknown project 'zeus'`, `unknown milestone 'qa' in project 'apollo'`.
        public let description: String
    }

    /// One line per entry: `Fri 4 Dec 2026 09:00  design  due: Thu 3 Dec → Fri 11 Dec  (API, by Mike Lee)`, with
    /// times in `zone`, statuses in words and people by their names (`names`: person key to name; a key or free
    /// name not in it is shown as it is), safe for a terminal (``TerminalText``: a note's line break is a space).
    public func lines(names: [String: String], in zone: TimeZone) -> [String] {
        entries.map { entry in
            let origin = Self.origin(entry, names: names)
            return TerminalText.safe(
                "\(Self.when(entry.at, in: zone))  \(entry.milestoneID ?? "whole project")  "
                    + Self.described(entry, names: names, zone: zone) + (origin.isEmpty ? "" : "  (\(origin))")
            )
        }
    }

    /// The entries as a JSON array of `{"at", "milestone", "field", "from", "to", "source", "actor", "note"}`: `at`
    /// in RFC 3339 UTC, the rest as ``Entry`` holds them, null when absent (as `actor` is for a project file's
    /// changes, and `milestone` for a whole project's snooze).
    public var json: String {
        JSONOutput.pretty(entries.map { Item(entry: $0) })
    }

    /// `Fri 4 Dec 2026 09:00` in `zone`.
    static func when(_ date: Date, in zone: TimeZone) -> String {
        let day = CivilDate(date, in: zone)
        return "\(day.shortDisplay) \(day.components.year) \(ConsoleLine.localTime(date, in: zone).suffix(5))"
    }

    /// `API, by Mike Lee`, `file apollo.yaml`: where an entry came from and who made it, people by their `names`;
    /// empty when neither is known.
    static func origin(_ entry: Entry, names: [String: String]) -> String {
        [source(entry.source), entry.actor.map { "by " + (names[$0] ?? $0) }].compactMap { $0 }
            .joined(separator: ", ")
    }

    /// `file apollo.yaml`, `API`, `chat`, `escalation esc_…`: where an entry came from (its actor says who); nil for
    /// a snooze, whose line says it.
    static func source(_ source: String) -> String? {
        if source == "api" { return "API" }
        if source == "snooze" { return nil }
        if source.hasPrefix("chat:") { return "chat" }
        for prefix in ["file", "escalation"] where source.hasPrefix(prefix + ":") {
            return prefix + " " + source.dropFirst(prefix.count + 1)
        }
        return source
    }

    /// `due: Thu 3 Dec → Fri 11 Dec`, `note: "waiting for the board"`, `removed`, `snoozed until Mon 7 Dec: "on
    /// leave"`, `acknowledged`, `snooze lifted: due changed`.
    static func described(_ entry: Entry, names: [String: String], zone: TimeZone) -> String {
        let note = entry.note.map { ": \"\($0)\"" } ?? ""
        switch entry.field {
        case "removed":
            return "removed"
        case "note":
            return "note: \"\(entry.to ?? "")\""
        case "acknowledged":
            return "acknowledged" + note
        case "snoozed":
            let until = entry.to.flatMap { CivilDate(iso: $0) }
                .map { "until \($0.shortDisplay)" } ?? "until its due date changes"
            return "snoozed \(until)" + note
        case "unsnoozed":
            // `herald unsnooze` records the reason `unsnoozed`, which the line says already.
            return "snooze lifted" + (entry.note.flatMap { $0 == "unsnoozed" ? nil : ": \($0)" } ?? "")
        default:
            let field = entry.field == "due_instant" ? "due time" : entry.field.replacingOccurrences(of: "_", with: " ")
            let old = value(entry.from, of: entry.field, names: names, zone: zone)
            let new = value(entry.to, of: entry.field, names: names, zone: zone)
            return "\(field): \(old) → \(new)"
        }
    }

    /// A recorded value in words: statuses (`in progress`), people's names, dates (`Thu 3 Dec`), lists joined;
    /// `none` when absent.
    static func value(_ text: String?, of field: String, names: [String: String], zone: TimeZone) -> String {
        guard let text else { return "none" }
        switch field {
        case "status":
            return MilestoneStatus(rawValue: text)?.words ?? text
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
        var entry: Entry

        enum CodingKeys: String, CodingKey {
            case at, milestone, field, from, to, source, actor, note
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ISO8601.string(entry.at), forKey: .at)
            try container.encode(entry.milestoneID, forKey: .milestone)
            try container.encode(entry.field, forKey: .field)
            try container.encode(entry.from, forKey: .from)
            try container.encode(entry.to, forKey: .to)
            try container.encode(entry.source, forKey: .source)
            try container.encode(entry.actor, forKey: .actor)
            try container.encode(entry.note, forKey: .note)
        }
    }
}
