import Foundation
import HeraldCore
import HeraldStore

/// The dashboard at `/`: projects with their milestone timelines, the escalations in force and the communication
/// flow, as one server-rendered HTML page with inline CSS, no script and no external asset. Every value is escaped.
struct DashboardPage {
    /// One project and the facts of its milestones, in file order.
    struct ProjectView {
        var project: Project
        var milestones: [MilestoneFacts]
    }

    /// The zone times are shown in.
    let zone: TimeZone
    let now: Date
    let projects: [ProjectView]
    /// Open escalations, and acknowledged ones whose rule still holds, newest first.
    let escalations: [EscalationRecord]
    /// How many levels each escalation policy has.
    let policyLevels: [String: Int]
    /// The flow to show, newest first.
    let events: [LogEvent]
    let filter: DashboardFilter
    /// The configured channel keys, sorted.
    let channels: [String]
    /// Each person's name by key, for the flow and its person filter.
    let names: [String: String]
    /// The channels paused now, by key.
    var pauses: [String: ChannelPause] = [:]

    /// The whole page.
    var html: String {
        Self.document(
            title: "Herald",
            body: """
                <header><h1>Herald</h1><span>\(Self.escape(ConsoleLine.localTime(now, in: zone))) \
                \(Self.escape(zone.identifier))</span>
                <form method="post" action="/logout"><button type="submit">Log out</button></form></header>
                \(projectsSection)
                \(escalationsSection)
                \(pausesSection)
                \(flowSection)
                """
        )
    }

    /// The login form, with `error` above it when the last try failed.
    static func login(error: String?) -> String {
        document(
            title: "Herald: log in",
            body: """
                <main class="login"><h1>Herald</h1>
                \(error.map { "<p class=\"error\" id=\"login-error\">\(escape($0))</p>" } ?? "")
                <form method="post" action="/login">
                <label for="token">API token</label>
                <input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
                <button type="submit">Log in</button>
                </form></main>
                """
        )
    }

    /// A page that says only `text`: the dashboard disabled, a bad filter, no configuration.
    static func notice(_ title: String, _ text: String) -> String {
        document(
            title: "Herald: \(title)",
            body: "<main class=\"login\"><h1>\(escape(title))</h1><p class=\"error\">\(escape(text))</p>"
                + "<p><a href=\"/\">Back to the dashboard</a></p></main>"
        )
    }

    /// Text escaped for HTML elements and attributes.
    static func escape(_ text: String) -> String {
        EmailBody.escape(text)
    }

    /// `3d 4h`, `5h 10m` or `7m`: how long ago `date` was.
    func age(since date: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(date) / 60))
        let (days, hours) = (minutes / 1440, minutes % 1440 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        return hours > 0 ? "\(hours)h \(minutes % 60)m" : "\(minutes)m"
    }

    private static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head><body>
        \(body)
        </body></html>
        """
    }

    private static let css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#212121}
        header{display:flex;align-items:center;gap:16px}header form{margin-left:auto}
        h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
        h3{font-size:15px;margin:16px 0 6px}small,.muted{color:#757575}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eee;
        vertical-align:middle}th{font-weight:600;font-size:12px;color:#555}
        .badge{display:inline-block;padding:1px 7px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
        .bar{width:38%;min-width:220px}.track{position:relative;height:18px;background:#f5f5f5;border-radius:3px}
        .track span{position:absolute;top:0;height:18px}.slip{background:#ffcdd2;top:6px!important;height:6px!important}
        .base{width:2px;background:#424242}.fc{width:10px;height:10px!important;top:4px!important;
        transform:translateX(-5px) rotate(45deg)}.today{width:0;border-left:2px dashed #9e9e9e}
        .axis{position:relative;display:flex;justify-content:space-between;font-size:11px;color:#757575}
        .axis .now{position:absolute;transform:translateX(-50%)}
        .legend span{margin-right:12px;font-size:12px}
        ol.flow{list-style:none;padding:0}ol.flow li{margin:8px 0;padding:8px 12px;border-radius:10px;
        background:#f1f5fb;max-width:820px;border-left:4px solid #90a4ae}
        .flow .meta{font-size:12px;color:#555}.flow .text{white-space:pre-wrap;margin:3px 0}
        .flow .state{font-size:12px;font-weight:600}
        .s-delivered{border-left-color:#2e7d32!important}.s-dead{border-left-color:#c62828!important}
        .s-retrying,.s-held,.s-pending{border-left-color:#ef8f00!important}
        .s-suppressed,.s-cancelled{border-left-color:#9e9e9e!important;background:#f7f7f7!important}
        ol.flow li.s-inbound{margin-left:auto;background:#eef7ee;border-left-color:#43a047}
        .flow .reply{margin:6px 0 0 16px;padding:6px 10px;border-radius:8px;background:#fff}
        form.filters{display:flex;gap:10px;align-items:end;flex-wrap:wrap}
        form.filters label{display:flex;flex-direction:column;font-size:12px}
        .login{max-width:360px;margin:80px auto}.login form{display:flex;flex-direction:column;gap:8px}
        .error{color:#c62828;font-weight:600}
        """
}
