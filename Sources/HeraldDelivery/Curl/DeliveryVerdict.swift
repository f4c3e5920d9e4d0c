import Foundation
import HeraldCore

/// What an ``HTTPResult`` means for a webhook delivery: done, try again, or give up.
///
/// Only a 2xx answer succeeds. Redirects are failures (they are never followed). Reasons are short, never
/// contain the request URL, and quote at most 200 characters of the answer.
public enum DeliveryVerdict: Hashable, Sendable {
    /// The receiver accepted the message (2xx).
    case success
    /// A transient failure; `retryAfter` is the wait the receiver asked for in seconds (`Retry-After`, or on 429 a
    /// JSON body's `retry_after` or `X-RateLimit-Reset-After`: the longest), when it asked for one.
    case retryable(reason: String, retryAfter: Double?)
    /// A failure that retrying cannot fix.
    case permanent(reason: String)
    /// The endpoint is gone for good (HTTP 410, an archived Slack channel, an unknown Discord webhook): the
    /// channel should be disabled and its messages held until someone re-enables it.
    case gone(reason: String)

    /// Classifies `result`; `now` resolves an HTTP-date `Retry-After`.
    public init(_ result: HTTPResult, now: Date) {
        if result.curlCode != 0 {
            self = Self.classify(result)
            return
        }
        guard let status = result.status else {
            self = .retryable(reason: "no HTTP response", retryAfter: nil)
            return
        }
        let reason = Self.reason(status: status, body: result.body)
        if GoneEndpoint.matches(status: status, body: result.body) {
            self = .gone(reason: reason)
            return
        }
        switch status {
        case 200..<300:
            self = .success
        case 429, 503:
            let header = result.header("retry-after").flatMap { RetryAfter.seconds(from: $0, now: now) }
            // On 429 a JSON body's `retry_after` and `X-RateLimit-Reset-After` (Discord) count too.
            let body = status == 429 ? RetryAfter.seconds(fromJSONBody: result.body) : nil
            let reset = status == 429
                ? result.header("x-ratelimit-reset-after").flatMap { Double($0.trimmingWhitespace()) } : nil
            let retryAfter = [header, body, reset].compactMap { $0 }.filter { $0.isFinite && $0 >= 0 }.max()
            self = .retryable(reason: reason, retryAfter: retryAfter)
        case 408, 425, 500..<600:
            self = .retryable(reason: reason, retryAfter: nil)
        case 300..<400:
            self = .permanent(reason: "\(reason) (redirects are not followed)")
        default:
            self = .permanent(reason: reason)
        }
    }

    /// True for ``success``.
    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    /// The failure's reason; nil for ``success``.
    public var reason: String? {
        switch self {
        case .success: nil
        case .retryable(let reason, _), .permanent(let reason), .gone(let reason): reason
        }
    }

    // MARK: - curl failures

    /// Codes that retrying will not fix: bad input, unsupported protocol, TLS configuration and certificate
    /// problems. A TLS handshake cut short (curl 35: a reset or an EOF mid-handshake) is not among them: it is
    /// retried like any connection failure, while the certificate checks (51, 58, 60, 83, 90, 91) stay permanent.
    private static let permanentCurlCodes: Set<Int> = [
        1,  // unsupported protocol
        2,  // failed init
        3,  // malformed URL
        4,  // feature not built in
        43, // bad function argument (invalid request)
        48, // unknown option
        51, // peer certificate name mismatch (older libcurl)
        53, 54, 66, // TLS engine
        58, // local certificate problem
        59, // cipher
        60, // peer certificate verification failed
        64, // TLS required
        77, // CA cert file
        80, // TLS shutdown
        82, 83, // CRL, issuer check
        90, // pinned public key mismatch
        91, // certificate status
        98, // TLS certificate status (OCSP)
    ]

    private static let curlDescriptions: [Int: String] = [
        1: "unsupported protocol",
        3: "malformed URL",
        5: "could not resolve proxy",
        6: "could not resolve host",
        7: "could not connect",
        8: "unexpected server reply",
        16: "HTTP/2 error",
        18: "partial response",
        23: "write error",
        27: "out of memory",
        28: "operation timed out",
        35: "TLS handshake failed",
        42: "aborted",
        43: "invalid request",
        52: "empty reply from server",
        55: "failed sending data",
        56: "failed receiving data",
        58: "local certificate problem",
        60: "server certificate verification failed",
        92: "HTTP/2 stream error",
    ]

    static func classify(_ result: HTTPResult) -> DeliveryVerdict {
        let code = result.curlCode
        var description = curlDescriptions[code] ?? "transfer failed"
        if code == 7,
            result.osErrorCode == Int(ECONNREFUSED) || result.curlMessage?.lowercased().contains("refused") == true
        {
            description = "connection refused"
        } else if code == 42, let message = result.curlMessage {
            description = message
        }
        let reason = "\(description) (curl \(code))"
        return permanentCurlCodes.contains(code)
            ? .permanent(reason: reason)
            : .retryable(reason: reason, retryAfter: nil)
    }

    // MARK: - HTTP failures

    private static func reason(status: Int, body: [UInt8]) -> String {
        var reason = "HTTP \(status)"
        if let phrase = HTTPReasonPhrase.phrase(for: status) {
            reason += " \(phrase)"
        }
        let excerpt = Self.excerpt(body)
        return excerpt.isEmpty ? reason : "\(reason): \(excerpt)"
    }

    /// The first 200 characters of the body on one line, without control characters, URLs reduced to their host.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(4096), as: UTF8.self)
        let oneLine = TerminalText.safe(String(text.map { $0.isNewline ? " " : $0 })).trimmingWhitespace()
        return String(URLRedaction.redact(oneLine).prefix(200))
    }
}
