import Foundation

/// Recognises answers that say a webhook endpoint is gone for good, so its channel is disabled rather than
/// retried or given up message by message.
public enum GoneEndpoint {
    /// Slack's error bodies for a webhook whose channel was archived or whose integration was removed.
    static let slackErrors: Set<String> = ["channel_is_archived", "no_service"]
    /// Discord's JSON error code for an unknown webhook.
    static let discordUnknownWebhook = 10015

    /// True for HTTP 410, a 4xx whose body is a Slack "gone" error, and a 404 whose JSON body has
    /// `"code": 10015`.
    public static func matches(status: Int, body: [UInt8]) -> Bool {
        if status == 410 { return true }
        guard (400..<500).contains(status), status != 429 else { return false }
        let text = String(decoding: body.prefix(4096), as: UTF8.self).trimmingWhitespace()
        if slackErrors.contains(text) { return true }
        guard status == 404, text.hasPrefix("{"),
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let code = object["code"] as? NSNumber
        else { return false }
        return code.intValue == discordUnknownWebhook
    }
}
