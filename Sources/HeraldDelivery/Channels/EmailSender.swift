import Foundation
import HeraldCore

/// Sends messages to an `email` channel: an RFC 5322 multipart message submitted over SMTP through the libcurl
/// engine. Every attempt sends the same bytes (same `Message-ID:`), so a receiver can drop duplicates.
public struct EmailSender: ChannelSender {
    private let settings: EmailSettings
    private let readers: MessageReaders
    private let curl: CurlEngine
    private let timeout: Duration

    /// Creates a sender; `readers` give each person's email, used when the channel has no fixed `to`, and the
    /// names and parts that greet them and say why they receive a message.
    public init(
        settings: EmailSettings, readers: MessageReaders, curl: CurlEngine, timeout: Duration = .seconds(60)
    ) {
        self.settings = settings
        self.readers = readers
        self.curl = curl
        self.timeout = timeout
    }

    /// Composes and submits `message` once; the SMTP reply code is reported as ``SendResult/httpStatus`` and the
    /// server's reply line as the response excerpt.
    public func send(_ message: OutgoingMessage, now: Date) async -> SendResult {
        let recipients = recipients(for: message)
        guard !recipients.isEmpty else {
            let named = message.recipients.isEmpty ? "nobody" : message.recipients.joined(separator: ", ")
            let reason = "no email address to send to (channel has no 'to'; recipients: \(named))"
            return SendResult(verdict: .permanent(reason: reason), latencyMilliseconds: 0)
        }
        let request = SMTPRequest(
            url: settings.server, security: settings.security, from: settings.from, recipients: recipients,
            message: EmailMessage.bytes(for: message, from: settings.from, to: recipients, readers: readers),
            username: settings.username, password: settings.password, verifiesPeer: !settings.insecureSkipVerify,
            connectTimeout: .seconds(10), totalTimeout: timeout
        )
        let result = await curl.perform(request)
        return SendResult(
            verdict: DeliveryVerdict(smtp: result), httpStatus: result.status,
            curlCode: result.curlCode == 0 ? nil : result.curlCode,
            responseExcerpt: result.body.isEmpty ? nil : result.bodyText,
            latencyMilliseconds: result.latency * 1000
        )
    }

    /// The channel's fixed `to`, or the email of each recipient that has one, without duplicates.
    func recipients(for message: OutgoingMessage) -> [String] {
        if !settings.to.isEmpty { return settings.to }
        var seen: Set<String> = []
        return message.recipients.compactMap { readers.people[$0]?.email }
            .filter { seen.insert($0.lowercased()).inserted }
    }
}
