import Foundation

/// The chat-style line the `console` channel prints and `herald log` shows, safe for a terminal (see
/// ``TerminalText``): a text of several lines (a digest) continues on lines indented by four spaces.
public enum ConsoleLine {
    /// `2026-11-30 09:00 #console → @alice · reminder due-soon · Design sign-off ... Fri 4 Dec.`
    public static func line(for message: OutgoingMessage, in zone: TimeZone) -> String {
        line(for: message, to: message.mentions, in: zone)
    }

    /// ``line(for:in:)`` with the recipients shown as `who` (`herald log` shows people's names, not mentions), at
    /// `time` (default: the message's decision; `herald log` shows a held message at its release).
    public static func line(
        for message: OutgoingMessage, to who: [String], in zone: TimeZone, at time: Date? = nil
    ) -> String {
        let who = who.isEmpty ? "everyone" : who.joined(separator: ", ")
        let what = [message.kind.rawValue, message.rule].compactMap { $0 }.joined(separator: " ")
        let time = localTime(time ?? message.createdAt, in: zone)
        let head = TerminalText.safe("\(time) #\(message.channel) → \(who) · \(what)")
        let text = message.items.map { bundleText(message, $0) } ?? message.text
        return head + " · " + TerminalText.continued(text, indent: "    ")
    }

    /// What the `console` channel prints: ``line(for:in:)``, then the message's links (` · Acknowledge: URL`,
    /// ` · Milestone page: URL`). `herald log` leaves them out.
    public static func channelLine(for message: OutgoingMessage, in zone: TimeZone) -> String {
        if let items = message.items { return line(for: linked(message, items), in: zone) }
        let chat = line(for: message, in: zone)
        return ([chat] + ChatText.links(of: message).map { "\($0.label): \(TerminalText.safe($0.url))" })
            .joined(separator: " · ")
    }

    /// `2026-11-30 09:00` in `zone`.
    public static func localTime(_ date: Date, in zone: TimeZone) -> String {
        let day = CivilDate(date, in: zone)
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local - Double(day.dayNumber) * 86_400) / 60)
        let (h, m) = (minutes / 60, minutes % 60)
        return "\(day) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
