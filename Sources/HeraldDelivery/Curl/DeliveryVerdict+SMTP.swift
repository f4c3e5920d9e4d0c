/// SMTP classification: the result's ``HTTPResult/status`` is the last SMTP reply code
/// (`CURLINFO_RESPONSE_CODE`) and its body the server's last reply line.
extension DeliveryVerdict {
    /// Classifies an SMTP submission: a completed session succeeds; a 4xx reply is retried and a 5xx reply is
    /// permanent (the reason quotes the reply); a denied login (curl 67) or a server without the required TLS
    /// (curl 64) is a permanent configuration problem; other connection failures and timeouts are retried.
    public init(smtp result: HTTPResult) {
        if result.curlCode == 0 {
            self = .success
            return
        }
        switch result.curlCode {
        case 67:
            self = .permanent(reason: "SMTP login denied: check the channel's username and password (curl 67)")
            return
        case 64:
            self = .permanent(reason: "SMTP server does not offer the required STARTTLS (curl 64)")
            return
        default:
            break
        }
        if let code = result.status, code >= 400, code < 600 {
            let reply = result.bodyText.trimmingWhitespace()
            let quoted = reply.hasPrefix(String(code)) ? reply : "\(code) \(reply)".trimmingWhitespace()
            let reason = "SMTP \(String(quoted.prefix(200))) (curl \(result.curlCode))"
            self = code < 500 ? .retryable(reason: reason, retryAfter: nil) : .permanent(reason: reason)
            return
        }
        self = Self.classify(result)
    }
}
