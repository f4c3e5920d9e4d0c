import Foundation
import HeraldCore

/// The communication log as a spreadsheet reads it (`herald log --csv`): one row per event, as RFC 4180 has it
/// (every row ended by CRLF, a field holding a comma, a quote or a line break quoted, quotes doubled).
extension LogReport {
    /// The header and one row per event: `time`, `event` (`message`, `suppressed`, `change`, `snoozed`,
    /// `unsnoozed`, `ack`, `chat`), `project`, `milestone`, `channel`, `people` (names, `; `-separated: a message's
    /// recipients, a change's or a snooze's author), `kind` (a message's kind, a change's field), `rule`, `text`,
    /// `state`, `decided` (a message's decision) and `delivered`; times are `YYYY-MM-DD HH:MM` in `zone`, named in
    /// the header. A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with `'`.
    public static func csv(_ events: [LogEvent], names: [String: String] = [:], in zone: TimeZone) -> String {
        let header = [
            "time (\(zone.identifier))", "event", "project", "milestone", "channel", "people", "kind", "rule",
            "text", "state", "decided", "delivered",
        ]
        return ([header] + events.map { row($0, names: names, in: zone).fields }).map { fields in
            fields.map(csvField).joined(separator: ",") + "\r\n"
        }.joined()
    }

    /// The cells of one row, by column.
    private struct Row {
        var time: Date
        var event: String
        var project: String?
        var milestone: String?
        var channel: String? = nil
        var people: [String] = []
        var kind: String? = nil
        var rule: String? = nil
        var text: String? = nil
        var state: String? = nil
        var decided: Date? = nil
        var delivered: Date? = nil
        var zone: TimeZone

        var fields: [String] {
            let local = { (date: Date?) in date.map { ConsoleLine.localTime($0, in: zone) } ?? "" }
            return [
                local(time), event, project ?? "", milestone ?? "", channel ?? "", people.joined(separator: "; "),
                kind ?? "", rule ?? "", text ?? "", state ?? "", local(decided), local(delivered),
            ]
        }
    }

    private static func row(_ event: LogEvent, names: [String: String], in zone: TimeZone) -> Row {
        switch event {
        case .message(let entry):
            let message = entry.message
            return Row(
                time: event.time, event: "message", project: message.project?.id,
                milestone: message.milestones.first?.id, channel: message.channel,
                people: message.recipients.map { name($0, names) }, kind: message.kind.rawValue, rule: message.rule,
                text: message.text, state: state(entry, in: zone), decided: message.createdAt,
                delivered: entry.delivery.deliveredAt, zone: zone
            )
        case .suppressed(let suppression):
            return Row(
                time: event.time, event: "suppressed", project: suppression.projectID,
                milestone: suppression.milestoneID, channel: suppression.channels.joined(separator: "; "),
                people: suppression.recipients.map { name($0, names) }, kind: suppression.kind.rawValue,
                rule: suppression.rule, state: "suppressed: \(suppression.reason)", zone: zone
            )
        case .changed(let change):
            let entry = HistoryReport.Entry(change)
            let origin = HistoryReport.origin(entry, names: names)
            return Row(
                time: event.time, event: "change", project: change.projectID, milestone: change.milestoneID,
                people: change.actor.map { [name($0, names)] } ?? [], kind: change.change.field,
                text: HistoryReport.described(entry, names: names, zone: zone) + (origin.isEmpty ? "" : " (\(origin))"),
                zone: zone
            )
        case .snoozed(var snooze):
            let by = snooze.by.map { name($0, names) }
            snooze.by = by
            return Row(
                time: event.time, event: "snoozed", project: snooze.projectID, milestone: snooze.milestoneID,
                people: by.map { [$0] } ?? [], text: snooze.summary, zone: zone
            )
        case .unsnoozed(let snooze, _, let reason):
            return Row(
                time: event.time, event: "unsnoozed", project: snooze.projectID, milestone: snooze.milestoneID,
                text: reason, zone: zone
            )
        case .acknowledged(let ack):
            return Row(
                time: event.time, event: "ack", project: ack.projectID, milestone: ack.milestoneID,
                people: [name(ack.acknowledgement.by, names)], text: ack.acknowledgement.note, zone: zone
            )
        case .chat(let exchange):
            return Row(
                time: event.time, event: "chat", project: exchange.projectID, milestone: exchange.milestoneID,
                channel: exchange.channel, people: [exchange.person.map { name($0, names) } ?? exchange.userID],
                kind: exchange.platform, text: "\(exchange.text) → \(exchange.answer)",
                state: exchange.outcome.rawValue, zone: zone
            )
        }
    }

    /// One field: quoted when it holds a comma, a quote or a line break, quotes doubled; a leading `=`, `+`, `-` or
    /// `@` (a formula to a spreadsheet) behind a `'`.
    public static func csvField(_ text: String) -> String {
        let text = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
