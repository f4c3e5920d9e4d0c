import Foundation
import HeraldCore

/// Sends messages to an HTTP channel (generic webhook or a chat platform's webhook) through the libcurl engine.
public struct HTTPSender: ChannelSender {
    /// The body format and headers of a channel type.
    public enum Format: Sendable {
        /// The generic webhook JSON with Standard Webhooks headers, signed with each secret.
        case webhook(secrets: [WebhookKey])
        /// Slack Block Kit with a text fallback.
        case slack
        /// A Microsoft Teams Workflows Adaptive Card; `readers` give the names and Teams users to mention.
        case teams(readers: MessageReaders = MessageReaders())
        /// Discord content and embeds, posted with `wait=true`.
        case discord
        /// Mattermost Markdown text.
        case mattermost
        /// Google Chat text, threaded per milestone.
        case googlechat
    }

    private let url: Secret
    private let format: Format
    private let curl: CurlEngine
    private let timeout: Duration

    /// Creates a sender posting to `url` (a secret: it holds the webhook's token).
    public init(url: Secret, format: Format, curl: CurlEngine, timeout: Duration = .seconds(15)) {
        self.url = url
        self.format = format
        self.curl = curl
        self.timeout = timeout
    }

    public func send(_ message: OutgoingMessage, now: Date) async -> SendResult {
        let body = format.body(for: message)
        let request = HTTPRequest(
            url: format.url(url.value, for: message), headers: headers(for: message, body: body, now: now),
            body: body, connectTimeout: .seconds(5), totalTimeout: timeout
        )
        let result = await curl.perform(request)
        return SendResult(
            verdict: DeliveryVerdict(result, now: now), httpStatus: result.status,
            curlCode: result.curlCode == 0 ? nil : result.curlCode,
            responseExcerpt: result.body.isEmpty ? nil : String(decoding: result.body.prefix(1024), as: UTF8.self),
            latencyMilliseconds: result.latency * 1000, note: format.note(on: result),
            quotaResetsIn: RateLimitHeaders.exhausted(result, now: now)
        )
    }

    /// Content type, user agent and, for webhooks, `webhook-id`/`-timestamp`/`-signature` for this attempt.
    func headers(for message: OutgoingMessage, body: [UInt8], now: Date) -> [HTTPHeader] {
        var headers = [
            HTTPHeader(name: "Content-Type", value: "application/json"),
            HTTPHeader(name: "User-Agent", value: "herald/\(HeraldVersion.current)"),
        ]
        guard case .webhook(let secrets) = format else { return headers }
        let timestamp = Int(now.timeIntervalSince1970)
        headers.append(HTTPHeader(name: "webhook-id", value: message.id))
        headers.append(HTTPHeader(name: "webhook-timestamp", value: String(timestamp)))
        if !secrets.isEmpty {
            let signature = WebhookSigner.signature(id: message.id, timestamp: timestamp, body: body, secrets: secrets)
            headers.append(HTTPHeader(name: "webhook-signature", value: signature))
        }
        return headers
    }
}
