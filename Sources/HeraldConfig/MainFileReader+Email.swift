import HeraldCore
import Yams

extension MainFileReader {
    /// The keys of an `email` channel.
    static let emailChannelKeys = [
        "type", "smtp", "starttls", "from", "to", "username", "password", "password_file", "insecure_skip_verify",
        "rate", "retry", "quiet_hours", "timezone",
    ]

    /// `type: email`: `smtp` (`smtp://` with STARTTLS required, or `smtps://`), `from`, optional `to`,
    /// `username` and `password`/`password_file`. Plain text (`starttls: false`) and `insecure_skip_verify`
    /// are accepted only for loopback hosts.
    func readEmail(_ fields: Fields, in what: String) -> EmailSettings? {
        guard let server = fields.string("smtp", required: true, in: what) else { return nil }
        guard let endpoint = SMTPEndpoint(server) else {
            context.error(
                "'smtp' must be an smtp://host[:port] URL (STARTTLS required) or an smtps://host[:port] URL "
                    + "(implicit TLS), without credentials or path",
                at: fields["smtp"]
            )
            return nil
        }
        var security: EmailSettings.Security = endpoint.implicitTLS ? .implicitTLS : .startTLS
        var valid = true
        if let startTLS = fields.bool("starttls"), !startTLS {
            if endpoint.implicitTLS {
                context.error(
                    "'starttls: false' does not apply to an smtps:// URL (it is always TLS)", at: fields["starttls"]
                )
                valid = false
            } else if !endpoint.isLoopback {
                context.error(
                    "'starttls: false' is only allowed for a loopback SMTP host (127.0.0.1, ::1 or localhost); "
                        + "mail to other hosts must use STARTTLS or smtps://",
                    at: fields["starttls"]
                )
                valid = false
            } else {
                security = .plaintext
            }
        }
        let insecure = fields.bool("insecure_skip_verify") ?? false
        if insecure && !endpoint.isLoopback {
            context.error(
                "'insecure_skip_verify: true' is only allowed for a loopback SMTP host (127.0.0.1, ::1 or localhost)",
                at: fields["insecure_skip_verify"]
            )
            valid = false
        }
        let from = fields.string("from", required: true, in: what)
        if let from, !isAddress(from, at: fields["from"]) { valid = false }
        var to: [String] = []
        if let node = fields["to"] {
            for (address, item) in context.stringList(node, "'to'") {
                if isAddress(address, at: item) { to.append(address) } else { valid = false }
            }
        }
        let username = fields.secret("username", in: what, required: false)
        let password = fields.secret("password", in: what, required: false)
        if password != nil && username == nil {
            context.error("\(what) has a password but no 'username'", at: fields["password"] ?? fields["password_file"])
            valid = false
        }
        guard valid, let from else { return nil }
        return EmailSettings(
            server: server, security: security, from: from, to: to, username: username, password: password,
            insecureSkipVerify: insecure
        )
    }

    /// Reports a person reached on an `email` channel without a fixed `to` who has no `email` to write to.
    func checkEmailAddress(of person: Person, on channel: Channel?, at node: Node) {
        guard case .email(let settings)? = channel?.kind, settings.to.isEmpty, person.email == nil else { return }
        context.error(
            "person '\(person.key)' is reached on email channel '\(channel?.name ?? "")' but has no 'email'", at: node
        )
    }

    /// A bare `local@domain` address; reports anything else.
    private func isAddress(_ text: String, at node: Node?) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = text.contains { $0.isWhitespace || "<>,;\"()[]\\".contains($0) }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !forbidden else {
            context.error("'\(text)' is not an email address (use local@domain)", at: node)
            return false
        }
        return true
    }
}

/// The scheme and host of an `smtp`/`smtps` URL.
struct SMTPEndpoint {
    let implicitTLS: Bool
    let host: String

    /// Parses `smtp://host[:port][/]` or `smtps://…`; nil for other schemes, credentials, or a path.
    init?(_ url: String) {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("smtp://") {
            implicitTLS = false
            rest = lowered.dropFirst(7)
        } else if lowered.hasPrefix("smtps://") {
            implicitTLS = true
            rest = lowered.dropFirst(8)
        } else {
            return nil
        }
        let authority = rest.hasSuffix("/") ? rest.dropLast() : rest
        guard !authority.isEmpty, !authority.contains(where: { "/?#@ ".contains($0) }) else { return nil }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
        } else {
            host = String(authority.prefix { $0 != ":" })
        }
        guard !host.isEmpty else { return nil }
    }

    /// 127.0.0.1 (any 127/8 address), ::1 or localhost.
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
