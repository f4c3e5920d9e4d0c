import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import Testing

/// What Herald prints on a terminal carries no control character from user text: an ESC sequence in a note, a
/// title, a chat command or a receiver's answer is neither obeyed by the terminal nor able to forge a line.
@Suite struct TerminalOutputTests {
    static let zone = TimeZone(identifier: "UTC")!
    static let at = Date(timeIntervalSince1970: 1_796_029_200)
    static let date = CivilDate(iso: "2026-12-07")!

    /// Text that would clear the screen, recolour, retitle, ring, reverse and start a forged line.
    static let hostile = "a\u{1B}[2J\u{1B}[31mred\u{1B}]0;pwned\u{07}\u{8}\u{9B}6n\u{202E}txt\nforged line\rb"

    static func message(_ text: String) -> OutgoingMessage {
        OutgoingMessage(
            id: "msg_1", createdAt: at, kind: .reminder, rule: "due-soon", project: ProjectRef(id: "p", name: "P"),
            milestones: [], channel: "console", recipients: ["alice"], mentions: ["@alice"], text: text,
            escalation: EscalationRef(id: "esc_1", policy: "p", level: 1, levels: 2, ackURL: "https://h/ack/\(text)")
        )
    }

    static func delivery(_ error: String) -> DeliveryRecord {
        DeliveryRecord(
            id: 7, messageID: "msg_1", channel: "console", state: .dead, attempts: 1, nextAttemptAt: at, createdAt: at,
            lastError: error
        )
    }

    /// Each kind of terminal line, rendered with `hostile` in its user text.
    static let renderings: [(String, @Sendable (String) -> String)] = [
        ("console channel", { ConsoleLine.channelLine(for: message($0), in: zone) }),
        ("log message", { LogReport.line(.message(LogEntry(message: message($0), delivery: delivery($0))), in: zone) }),
        ("log chat", { text in
            LogReport.line(.chat(ChatExchange(
                at: at, platform: "slack", userID: "U1", person: nil, channel: text, text: text, answer: text,
                outcome: .invalid
            )), in: zone)
        }),
        ("log snooze", { text in
            let snooze = Snooze(projectID: "p", milestoneID: "m", end: .date(date, startsAt: at), by: text,
                                note: text, createdAt: at)
            return LogReport.line(.snoozed(snooze), in: zone)
        }),
        ("deliveries", { DeliveryReport.line(delivery($0), in: zone) }),
        ("escalations", { text in
            let record = EscalationRecord(
                id: "esc_1", key: RuleStateKey(rule: "r", projectID: "p", milestoneID: "m"), policy: "p",
                due: date, openedAt: at, acknowledgement: Acknowledgement(by: text, at: at, note: text)
            )
            return EscalationReport.line(record, in: zone)
        }),
        ("snoozes", { text in
            SnoozeReport.line(Snooze(projectID: "p", milestoneID: nil, end: .dueChange(from: date), by: text,
                                     note: text, createdAt: at), in: zone)
        }),
        ("channels", { text in
            let status = ChannelStatus(
                channel: "hook", disabledReason: text, disabledAt: at, heldCount: 1,
                pause: ChannelPause(until: at, reason: text)
            )
            return ChannelReport.line(status, type: "webhook", in: zone)
        }),
        ("plan", { PlanReport.line(PlanEntry(sendAt: at, message: message($0)), in: zone) }),
    ]

    @Test(arguments: renderings.map(\.0))
    func controlCharactersNeverReachTheTerminal(_ name: String) throws {
        let render = try #require(Self.renderings.first { $0.0 == name }?.1)
        let line = render(Self.hostile)
        // A message's text may continue on indented lines, which no line of Herald's starts like.
        let lines = line.split(separator: "\n")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") }, "\(name): \(line.debugDescription)")
        let controls = line.unicodeScalars.filter {
            $0.properties.generalCategory == .control && $0 != "\n" || (0x202A...0x202E).contains($0.value)
        }
        #expect(controls.isEmpty, "\(name): \(line.debugDescription)")
        #expect(line.contains("red") && line.contains("forged line"), "the words themselves are kept")
    }

    @Test func safeTextKeepsWordsAndMarksWhatWasRemoved() {
        #expect(TerminalText.safe("plain · ünïcode ✓") == "plain · ünïcode ✓")
        #expect(TerminalText.safe("a\tb\nc\r\nd") == "a b c  d")
        #expect(TerminalText.safe("\u{1B}[31mred") == "\u{FFFD}[31mred")
        #expect(TerminalText.safeLines("one\u{7}\ntwo") == "one\u{FFFD}\ntwo")
    }
}
