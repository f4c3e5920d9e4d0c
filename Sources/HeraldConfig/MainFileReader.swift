import Foundation
import HeraldCore
import Yams

/// Reads the main config file into a `Configuration` without projects.
struct MainFileReader {
    let context: YAMLContext

    private static let keys = [
        "timezone", "state_dir", "projects_dir", "server", "calendar", "people", "audiences", "channels",
        "rules", "escalations", "digests", "ops_channel", "templates_dir", "projects_grace", "limits", "bundling",
    ]

    func read(_ root: Node) -> (Configuration, References)? {
        guard let fields = context.mapping(root, "the config file", allowed: Self.keys) else { return nil }
        let zone = fields["timezone"].flatMap { timeZone($0) } ?? TimeZone(identifier: "UTC")!
        let calendar = fields["calendar"].map { readCalendar($0, zone: zone) } ?? BusinessCalendar(timeZone: zone)
        let references = References(
            people: declaredNames(fields["people"]), audiences: declaredNames(fields["audiences"]),
            channels: declaredNames(fields["channels"]), escalations: declaredNames(fields["escalations"])
        )
        let channels = fields["channels"].map(readChannels) ?? [:]
        let people = fields["people"].map {
            readPeople($0, references: references, channels: channels, hours: calendar.hours)
        } ?? [:]
        let audiences = fields["audiences"].map { readAudiences($0, references: references) } ?? [:]
        let escalations = fields["escalations"].map { readEscalations($0, references: references) } ?? [:]
        let rules = fields["rules"].map { readRules($0, references: references) } ?? []
        let digests = fields["digests"].map { readDigests($0, references: references) } ?? []
        let opsChannel = fields["ops_channel"].flatMap { node -> String? in
            guard let name = context.string(node, "'ops_channel'") else { return nil }
            return check(name, at: node, known: references.channels, kind: "channel") ? name : nil
        }
        var configuration = Configuration(
            file: context.file,
            stateDirectory: context.path(fields.string("state_dir", in: "the config file") ?? "data"),
            projectsDirectory: context.path(fields.string("projects_dir", in: "the config file") ?? "projects"),
            calendar: calendar,
            server: fields["server"].flatMap(readServer),
            people: people, audiences: audiences, channels: channels, rules: rules, escalations: escalations,
            digests: digests
        )
        configuration.opsChannel = opsChannel
        configuration.templatesDirectory = fields.string("templates_dir", in: "the config file").map(context.path)
        if let grace = fields["projects_grace"].flatMap(projectsGrace) { configuration.projectsGrace = grace }
        configuration.limits = fields["limits"].map(readLimits) ?? InputLimits()
        configuration.bundling = fields["bundling"].map(readBundling) ?? Bundling()
        return (configuration, references)
    }

    /// `projects_grace`: a length of time such as `10m`, `30s` or `1h` (`0s` removes at once).
    private func projectsGrace(_ node: Node) -> TimeInterval? {
        guard let text = context.string(node, "'projects_grace'") else { return nil }
        guard let seconds = Self.seconds(text), seconds.isFinite else {
            context.error("'projects_grace' must look like 10m, 30s or 1h, not '\(text)'", at: node)
            return nil
        }
        return seconds
    }

    /// The keys of a mapping of names, whatever their values.
    private func declaredNames(_ node: Node?) -> Set<String> {
        guard case .mapping(let mapping)? = node else { return [] }
        return Set(mapping.keys.compactMap { $0.scalar?.string })
    }

    /// An IANA zone name.
    func timeZone(_ node: Node) -> TimeZone? {
        guard let name = context.string(node, "'timezone'") else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            context.error("unknown time zone '\(name)' (use an IANA name such as Europe/London)", at: node)
            return nil
        }
        return zone
    }

    /// Local quiet hours, `HH:MM-HH:MM` (they may wrap past midnight: `19:00-08:00`).
    func quietHours(_ node: Node) -> DailyWindow? {
        guard let text = context.string(node, "'quiet_hours'") else { return nil }
        guard let window = DailyWindow(parsing: text) else {
            context.error("'quiet_hours' must be HH:MM-HH:MM, not '\(text)'", at: node)
            return nil
        }
        return window
    }

    private func readCalendar(_ node: Node, zone: TimeZone) -> BusinessCalendar {
        var calendar = BusinessCalendar(timeZone: zone)
        guard let fields = context.mapping(node, "calendar", allowed: ["workdays", "hours", "holidays"]) else {
            return calendar
        }
        if let days = fields["workdays"] {
            var workdays = Set<Weekday>()
            for (text, item) in context.stringList(days, "'workdays'") {
                if let day = Weekday(rawValue: text.lowercased()) {
                    workdays.insert(day)
                } else {
                    context.error("unknown weekday '\(text)' (use mon, tue, wed, thu, fri, sat, sun)", at: item)
                }
            }
            if workdays.isEmpty {
                context.error("'workdays' needs at least one day", at: days)
            } else {
                calendar.workdays = workdays
            }
        }
        if let hoursNode = fields["hours"], let text = context.string(hoursNode, "'hours'") {
            if let hours = DailyWindow(parsing: text), hours.start < hours.end {
                calendar.hours = hours
            } else {
                context.error("'hours' must be HH:MM-HH:MM within one day, not '\(text)'", at: hoursNode)
            }
        }
        if let holidays = fields["holidays"] {
            for (text, item) in context.stringList(holidays, "'holidays'") {
                if let date = CivilDate(iso: text) {
                    calendar.holidays.insert(date)
                } else {
                    context.error("holiday '\(text)' is not a date (YYYY-MM-DD)", at: item)
                }
            }
        }
        return calendar
    }

    private func readServer(_ node: Node) -> ServerSettings? {
        guard let fields = context.mapping(
            node, "server",
            allowed: ["listen", "api_token", "api_token_file", "public_url", "ack_link_ttl", "chat"]
                + Self.serverLimitKeys
        ) else { return nil }
        let listen = fields.string("listen", in: "server") ?? "127.0.0.1:9470"
        if let node = fields["listen"], listen.split(separator: ":").last.flatMap({ UInt16($0) }) == nil {
            context.error("'listen' must be HOST:PORT, not '\(listen)'", at: node)
        }
        return ServerSettings(
            listen: listen,
            apiToken: fields.secret("api_token", in: "server", required: false),
            publicURL: fields.string("public_url", in: "server"),
            ackLinkLifetime: fields["ack_link_ttl"].flatMap { interval($0, "'ack_link_ttl'") } ?? .days(7),
            chat: fields["chat"].map(readChat) ?? ChatSettings(),
            digestLinkLifetime: fields["digest_link_ttl"].flatMap { interval($0, "'digest_link_ttl'") } ?? .days(30),
            limits: readServerLimits(fields), trustedProxies: fields["trusted_proxies"].map(readTrustedProxies) ?? [],
            milestoneLinkLifetime: fields["milestone_link_ttl"].flatMap { interval($0, "'milestone_link_ttl'") }
                ?? .days(30)
        )
    }
}

/// The names declared in the main file, for checking `notify`, `to`, `channel`, `owner` and `escalate`.
///
/// Checked against what is declared, not what parsed cleanly, so one broken channel is reported once
/// rather than again at every reference to it.
struct References: Sendable {
    var people: Set<String> = []
    var audiences: Set<String> = []
    var channels: Set<String> = []
    var escalations: Set<String> = []
}
