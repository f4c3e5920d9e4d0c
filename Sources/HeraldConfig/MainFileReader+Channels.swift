import HeraldCore
import Yams

extension MainFileReader {
    /// The channel types this build delivers to.
    static let channelTypes = ["webhook", "slack", "teams", "discord", "mattermost", "googlechat", "email", "console"]

    /// The chat types configured by a `url` (or `url_file`) alone, and the kind each makes.
    private static let chatKinds: [String: @Sendable (Secret) -> Channel.Kind] = [
        "slack": { .slack(url: $0) },
        "teams": { .teams(url: $0) },
        "discord": { .discord(url: $0) },
        "mattermost": { .mattermost(url: $0) },
        "googlechat": { .googlechat(url: $0) },
    ]

    func readChannels(_ node: Node) -> [String: Channel] {
        var channels: [String: Channel] = [:]
        for (name, _, value) in context.namedEntries(node, "channels") {
            if let channel = readChannel(name: name, value) { channels[name] = channel }
        }
        return channels
    }

    private func readChannel(name: String, _ node: Node) -> Channel? {
        let what = "channel '\(name)'"
        let isEmail = node.value(forKey: "type")?.scalar?.string == "email"
        let allowed = isEmail
            ? Self.emailChannelKeys
            : ["type", "url", "url_file", "secret", "secret_file", "rate", "retry", "quiet_hours", "timezone"]
        guard let fields = context.mapping(node, what, allowed: allowed) else { return nil }
        guard let type = fields.string("type", required: true, in: what) else { return nil }
        let kind: Channel.Kind
        switch type {
        case "webhook":
            guard let url = fields.secret("url", in: what, required: true), checkURL(url, fields) else { return nil }
            guard let keys = readKeys(fields) else { return nil }
            kind = .webhook(url: url, secrets: keys)
        case "email":
            guard let settings = readEmail(fields, in: what) else { return nil }
            kind = .email(settings)
        case "console":
            kind = .console
        default:
            guard let makeKind = Self.chatKinds[type] else {
                context.error(
                    "channel type '\(type)' is not supported (supported: \(Self.channelTypes.joined(separator: ", ")))",
                    at: fields["type"]
                )
                return nil
            }
            guard let url = fields.secret("url", in: what, required: true), checkURL(url, fields) else { return nil }
            kind = makeKind(url)
        }
        var channel = Channel(name: name, kind: kind)
        if let rateNode = fields["rate"], let text = context.string(rateNode, "'rate'") {
            if let rate = Rate(parsing: text) {
                channel.rate = rate
            } else {
                context.error("'rate' must look like 1/s, 30/m or 5/2s, not '\(text)'", at: rateNode)
            }
        }
        if let retry = fields["retry"] { channel.retry = readRetry(retry) ?? channel.retry }
        readQuietHours(of: &channel, fields)
        return channel
    }

    /// `quiet_hours` and their `timezone`; a console channel is never held, so they do not apply to it.
    private func readQuietHours(of channel: inout Channel, _ fields: Fields) {
        channel.timeZone = fields["timezone"].flatMap { timeZone($0) }
        guard let node = fields["quiet_hours"], let quiet = quietHours(node) else { return }
        if channel.kind == .console {
            context.error(
                "a console channel is never held (it pings nobody), so 'quiet_hours' does not apply", at: node
            )
        } else {
            channel.quietHours = quiet
        }
    }

    /// Only http and https URLs are delivered to; the URL itself is never echoed (it holds a token).
    private func checkURL(_ url: Secret, _ fields: Fields) -> Bool {
        let lowered = url.value.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), url.value.count > 8 else {
            context.error("'url' must be an http:// or https:// URL", at: fields["url"] ?? fields["url_file"])
            return false
        }
        return true
    }

    /// `secret: KEY` (or `secret_file`) or, during a rotation, `secret: [new, old]`: each a Standard Webhooks key,
    /// `whsec_` and base64 of at least 24 bytes. Nil when any is wrong; none when the channel signs nothing.
    private func readKeys(_ fields: Fields) -> [WebhookKey]? {
        let given: [(text: String, node: Node)]
        if let node = fields["secret"], case .sequence = node {
            given = context.stringList(node, "'secret'").map { (text: $0.0, node: $0.1) }
            if given.isEmpty { context.error("'secret' lists no key", at: node) }
        } else if fields["secret"] != nil || fields["secret_file"] != nil {
            given = fields.secretText("secret", in: "channel", required: false).map { [$0] } ?? []
        } else {
            return []
        }
        var keys: [WebhookKey] = []
        for (text, node) in given {
            do {
                keys.append(try WebhookKey(text))
            } catch {
                context.error("the webhook 'secret' \(error)", at: node)
            }
        }
        return keys.isEmpty || keys.count < given.count ? nil : keys
    }

    private func readRetry(_ node: Node) -> RetryPolicy? {
        guard let fields = context.mapping(node, "retry", allowed: ["schedule", "max_age"]) else { return nil }
        var policy = RetryPolicy.standard
        if let scheduleNode = fields["schedule"] {
            var delays: [Double] = []
            for (text, item) in context.stringList(scheduleNode, "'schedule'") {
                if let seconds = Self.seconds(text) {
                    delays.append(seconds)
                } else {
                    context.error("retry delay '\(text)' must look like 5s, 5m, 2h or 1d", at: item)
                }
            }
            policy.schedule = delays
        }
        if let ageNode = fields["max_age"], let text = context.string(ageNode, "'max_age'") {
            if let seconds = Self.seconds(text) {
                policy.maxAge = seconds
            } else {
                context.error("'max_age' must look like 72h or 3d, not '\(text)'", at: ageNode)
            }
        }
        return policy
    }

    /// `250ms`, `5s`, `1.5m`, `2h`, `1d` in seconds: decimal digits with an optional fraction, then a unit, so
    /// `inf`, `nan`, `1e400` and hexadecimal are no length of time.
    static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let isDecimal = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
            guard isDecimal, let number = Double(digits), (number * scale).isFinite
            else { return nil }
            return number * scale
        }
        return nil
    }
}
