import Foundation

/// An RFC 5322 message for an `email` channel: headers, and a `multipart/alternative` body with a text/plain
/// and a text/html part, both UTF-8 quoted-printable, CRLF line endings, no line over 998 characters.
///
/// The output is a pure function of the message, addresses and readers: the `Date:` is the message's `createdAt`,
/// and the `Message-ID:` and MIME boundary derive from the message id, so every retry sends the same bytes.
///
/// A message about one milestone names that milestone's thread root in `In-Reply-To:` and `References:`
/// (``threadID(for:domain:)``), so that mail clients show all of its messages as one conversation.
public enum EmailMessage {
    /// The whole message, ready for SMTP `DATA` (libcurl dot-stuffs it).
    public static func bytes(
        for message: OutgoingMessage, from: String, to: [String], readers: MessageReaders = MessageReaders()
    ) -> [UInt8] {
        Array(text(for: message, from: from, to: to, readers: readers).utf8)
    }

    /// The whole message as text; `readers` name the recipients in the greeting and say why each receives it.
    public static func text(
        for message: OutgoingMessage, from: String, to: [String], readers: MessageReaders = MessageReaders()
    ) -> String {
        let subject = subject(for: message)
        let boundary = boundary(for: message)
        let domain = domain(of: from)
        var headers = [
            "Date: \(date(message.createdAt))",
            "From: \(sanitized(from))",
            "To: \(to.map(sanitized).joined(separator: ",\r\n "))",
            "Subject: \(EncodedWord.encodeIfNeeded(subject))",
            "Message-ID: \(messageID(for: message, domain: domain))",
        ]
        if let thread = threadID(for: message, domain: domain) {
            headers += ["In-Reply-To: \(thread)", "References: \(thread)"]
        }
        headers += [
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "X-Herald-Kind: \(message.kind.rawValue)",
        ]
        let parts = [
            part(type: "text/plain", body: EmailBody.plainText(for: message, readers: readers)),
            part(type: "text/html", body: EmailBody.html(for: message, title: subject, readers: readers)),
        ]
        var lines = headers + [""]
        for part in parts {
            lines += ["--\(boundary)", part]
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `[Herald] reminder: Design sign-off · Apollo ERP upgrade`; with several milestones the first is named
    /// and the rest counted; without milestones, the project or the start of the text. A digest is named by its
    /// title and status: `[Herald] digest: Digest weekly-sponsor · Mon 30 Nov · Amber, worsening`.
    public static func subject(for message: OutgoingMessage) -> String {
        if message.items != nil { return bundleSubject(for: message) }
        var topic: String
        if let digest = message.digest {
            topic = "\(DigestWording.title(digest)) · \(DigestWording.status(digest))"
        } else if let first = message.milestones.first {
            topic = first.title
            if message.milestones.count > 1 { topic += " and \(message.milestones.count - 1) more" }
            if let project = message.project { topic += " · \(project.name)" }
        } else if let project = message.project {
            topic = project.name
        } else {
            topic = message.text
        }
        let oneLine = topic.map { $0.isNewline ? " " : String($0) }.joined()
        let short = oneLine.count > 150 ? oneLine.prefix(149) + "…" : Substring(oneLine)
        return "[Herald] \(message.kind.rawValue): \(short)"
    }

    /// `<msg_…@herald.example.com>`: stable across retries and replays, as the message id is.
    public static func messageID(for message: OutgoingMessage, domain: String) -> String {
        "<\(message.id)@herald.\(domain)>"
    }

    /// `<apollo.design-signoff@herald.example.com>`: the root of the thread of a message about one milestone, the
    /// same for every message about it; nil for a message about none or several.
    public static func threadID(for message: OutgoingMessage, domain: String) -> String? {
        if let items = message.items {
            return bundleThread(of: message, items).flatMap { threadID(for: $0, domain: domain) }
        }
        guard message.milestones.count == 1, let milestone = message.milestones.first else { return nil }
        let parts = [message.project?.id, milestone.id].compactMap { $0 }.map(atom)
        return "<\(parts.joined(separator: "."))@herald.\(domain)>"
    }

    /// The domain of the `from` address (`Herald <herald@example.com>` gives `example.com`), lowercased and kept to
    /// the characters of a dot-atom; `localhost` when it has none.
    public static func domain(of from: String) -> String {
        let address = from.split(separator: "<").last.map { $0.split(separator: ">").first ?? $0 } ?? Substring(from)
        guard let at = address.lastIndex(of: "@") else { return "localhost" }
        let domain = atom(address[address.index(after: at)...].lowercased())
        return domain.isEmpty ? "localhost" : domain
    }

    /// `text` kept to letters, digits, `.`, `-` and `_`, the others as `-`: safe inside a message id.
    private static func atom(_ text: String) -> String {
        String(text.prefix(200).map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
    }

    /// `=_herald_msg_…`: `=_` never occurs in quoted-printable text, so the parts cannot contain it.
    static func boundary(for message: OutgoingMessage) -> String {
        "=_herald_\(message.id)"
    }

    /// `Mon, 30 Nov 2026 09:00:00 +0000` (RFC 5322 §3.3, in UTC).
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        let time = [parts.hour, parts.minute, parts.second].map { pad($0 ?? 0) }.joined(separator: ":")
        return "\(weekday), \(pad(parts.day ?? 1)) \(month) \(parts.year ?? 1970) \(time) +0000"
    }

    private static func part(type: String, body: String) -> String {
        [
            "Content-Type: \(type); charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(body),
        ].joined(separator: "\r\n")
    }

    /// An address without characters that could break out of its header.
    private static func sanitized(_ address: String) -> String {
        String(address.filter { !$0.isNewline && $0 != "\0" }.prefix(320))
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
