import Foundation
import HeraldCore
import HeraldStore

extension DashboardPage {
    /// The communication flow as a chat-style timeline, newest first, milestone changes among the messages (a held
    /// message at its release), under a GET form filtering it by project, milestone, channel, person and state;
    /// people are shown by their names.
    var flowSection: String {
        let items = events.map(item).joined(separator: "\n")
        let count = events.count == DashboardFilter.limit ? "the latest \(events.count)" : "\(events.count)"
        return """
            <section id="flow"><h2>Communication flow</h2>
            \(filterForm)
            <p class="muted">\(count) \(events.count == 1 ? "event" : "events"), newest first\
            \(filter.isFiltering ? " (filtered)" : "")</p>
            <ol class="flow">
            \(items.isEmpty ? "<li class=\"empty\">Nothing yet.</li>" : items)
            </ol></section>
            """
    }

    private var filterForm: String {
        let milestones = projects.map { view in
            "<optgroup label=\"\(Self.escape(view.project.name))\">"
                + view.milestones.map { option($0.milestone.id, $0.milestone.title, filter.milestone) }.joined()
                + "</optgroup>"
        }
        let fields = [
            select("project", "Project", projects.map { option($0.project.id, $0.project.name, filter.project) }),
            select("milestone", "Milestone", milestones),
            select("channel", "Channel", channels.map { option($0, "#" + $0, filter.channel) }),
            select("person", "Person", names.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
                .map { option($0.key, $0.value, filter.person) }),
            select("state", "State", LogState.allCases.map(\.rawValue).map { option($0, $0, filter.state?.rawValue) }),
        ]
        return "<form class=\"filters\" method=\"get\" action=\"/\">\(fields.joined())"
            + "<button type=\"submit\">Filter</button><a href=\"/\">Clear</a></form>"
    }

    private func select(_ name: String, _ label: String, _ options: [String]) -> String {
        "<label>\(label)<select name=\"\(name)\"><option value=\"\">any</option>\(options.joined())</select></label>"
    }

    private func option(_ value: String, _ label: String, _ selected: String?) -> String {
        "<option value=\"\(Self.escape(value))\"\(value == selected ? " selected" : "")>\(Self.escape(label))</option>"
    }

    private func item(_ event: LogEvent) -> String {
        switch event {
        case .message(let entry):
            let message = entry.message
            var what = [message.kind.rawValue, message.rule].compactMap { $0 }.joined(separator: " ")
            if let escalation = message.escalation {
                what += " · level \(escalation.level) of \(escalation.levels)"
                    + (escalation.isRepeat ? " (repeat)" : "") + " · \(escalation.id)"
            }
            let about = [message.project?.id, message.milestones.first?.id].compactMap { $0 }.joined(separator: "/")
            let who = message.recipients.isEmpty ? "everyone" : message.recipients.map(name).joined(separator: ", ")
            return bubble(
                css: LogState(event)?.rawValue ?? "other", time: message.releasedAt,
                meta: ["#\(message.channel) → \(who)", what, about, message.id],
                text: message.text, state: LogReport.state(entry, in: zone)
            )
        case .suppressed(let suppression):
            let who = suppression.recipients.isEmpty
                ? "nobody" : suppression.recipients.map(name).joined(separator: ", ")
            let channels = suppression.channels.map { "#\($0)" }.joined(separator: ", ")
            return bubble(
                css: LogState.suppressed.rawValue, time: suppression.at,
                meta: ["\(channels.isEmpty ? "no channel" : channels) → \(who)",
                       "\(suppression.kind.rawValue) \(suppression.rule)",
                       "\(suppression.projectID)/\(suppression.milestoneID)"],
                text: nil, state: "suppressed (\(suppression.reason))"
            )
        case .chat(let exchange):
            let who = exchange.person.map(name) ?? "unknown \(exchange.platform) user \(exchange.userID)"
            let about = [exchange.projectID, exchange.milestoneID].compactMap { $0 }.joined(separator: "/")
            let place = exchange.platform + (exchange.channel.map { " #\($0)" } ?? "")
            return "<li class=\"s-inbound\"><div class=\"meta\">"
                + [ConsoleLine.localTime(exchange.at, in: zone), "\(who) on \(place)", about]
                    .filter { !$0.isEmpty }.map(Self.escape).joined(separator: " · ")
                + "</div><div class=\"text\">/herald \(Self.escape(exchange.text))</div>"
                + "<div class=\"reply\"><span class=\"meta\">Herald · \(exchange.outcome.rawValue)</span>"
                + "<div class=\"text\">\(Self.escape(exchange.answer))</div></div></li>"
        case .changed, .snoozed, .unsnoozed, .acknowledged:
            let line = Self.escape(LogReport.line(event, names: names, in: zone))
            return "<li class=\"s-other\"><div class=\"text\">\(line)</div></li>"
        }
    }

    private func name(_ key: String) -> String {
        names[key] ?? key
    }

    private func bubble(css: String, time: Date, meta: [String], text: String?, state: String) -> String {
        let meta = ([ConsoleLine.localTime(time, in: zone)] + meta.filter { !$0.isEmpty }).map(Self.escape)
            .joined(separator: " · ")
        return "<li class=\"s-\(css)\"><div class=\"meta\">\(meta)</div>"
            + (text.map { "<div class=\"text\">\(Self.escape($0))</div>" } ?? "")
            + "<div class=\"state\">\(Self.escape(state))</div></li>"
    }
}
