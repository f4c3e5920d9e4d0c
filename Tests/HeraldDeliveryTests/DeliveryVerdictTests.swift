import Foundation
import Testing
@testable import HeraldDelivery

@Suite struct DeliveryVerdictTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [200, 201, 202, 204, 299])
    func twoHundredsSucceed(status: Int) {
        #expect(DeliveryVerdict(HTTPResult(status: status), now: now) == .success)
    }

    @Test(arguments: [408, 425, 429, 500, 502, 503, 504, 599])
    func transientStatusesAreRetryable(status: Int) {
        guard case .retryable(let reason, nil) = DeliveryVerdict(HTTPResult(status: status), now: now) else {
            Issue.record("\(status) should be retryable without Retry-After")
            return
        }
        #expect(reason.hasPrefix("HTTP \(status)"))
    }

    @Test(arguments: [100, 301, 302, 304, 307, 400, 401, 403, 404, 405, 413, 418, 422, 451])
    func otherStatusesArePermanent(status: Int) {
        guard case .permanent(let reason) = DeliveryVerdict(HTTPResult(status: status), now: now) else {
            Issue.record("\(status) should be permanent")
            return
        }
        #expect(reason.hasPrefix("HTTP \(status)"))
    }

    /// 35 is a TLS handshake cut short (a reset or an EOF before it completed): transient, like a refused connection.
    @Test(arguments: [5, 6, 7, 16, 18, 28, 35, 42, 52, 55, 56, 92])
    func transientCurlFailuresAreRetryable(code: Int) {
        let verdict = DeliveryVerdict(HTTPResult(status: nil, curlCode: code), now: now)
        guard case .retryable(let reason, nil) = verdict else {
            Issue.record("curl \(code) should be retryable")
            return
        }
        #expect(reason.hasSuffix("(curl \(code))"))
    }

    /// Certificate verification (51, 58, 60, 83, 90, 91) never heals by retrying.
    @Test(arguments: [1, 3, 43, 51, 58, 60, 77, 83, 90, 91])
    func configurationAndTLSFailuresArePermanent(code: Int) {
        let verdict = DeliveryVerdict(HTTPResult(status: nil, curlCode: code), now: now)
        guard case .permanent(let reason) = verdict else {
            Issue.record("curl \(code) should be permanent")
            return
        }
        #expect(reason.hasSuffix("(curl \(code))"))
    }

    @Test func curlFailureWinsOverAPartialAnswer() {
        let result = HTTPResult(status: 200, curlCode: 28, curlMessage: "Timeout was reached")
        let verdict = DeliveryVerdict(result, now: now)
        #expect(verdict == .retryable(reason: "operation timed out (curl 28)", retryAfter: nil))
    }

    @Test func retryAfterOnlyOn429And503() {
        let headers = [HTTPHeader(name: "retry-after", value: "30")]
        let busy = DeliveryVerdict(HTTPResult(status: 503, headers: headers), now: now)
        #expect(busy == .retryable(reason: "HTTP 503 Service Unavailable", retryAfter: 30))
        let broken = DeliveryVerdict(HTTPResult(status: 500, headers: headers), now: now)
        #expect(broken == .retryable(reason: "HTTP 500 Internal Server Error", retryAfter: nil))
    }

    @Test func discordRetryAfterInAJSONBodyIsHonoured() {
        let body = Array(#"{"message": "You are being rate limited.", "retry_after": 1.5, "global": false}"#.utf8)
        let verdict = DeliveryVerdict(HTTPResult(status: 429, body: body), now: now)
        guard case .retryable(_, let retryAfter) = verdict else {
            Issue.record("429 should be retryable")
            return
        }
        #expect(retryAfter == 1.5)
    }

    @Test func theLongerOfHeaderAndBodyWaitIsTaken() {
        let body = Array(#"{"retry_after": 2.25}"#.utf8)
        let headers = [HTTPHeader(name: "retry-after", value: "5")]
        let verdict = DeliveryVerdict(HTTPResult(status: 429, headers: headers, body: body), now: now)
        #expect(verdict == .retryable(reason: "HTTP 429 Too Many Requests: {\"retry_after\": 2.25}", retryAfter: 5))
    }

    @Test func discordResetAfterHeaderCountsOn429() {
        let headers = [HTTPHeader(name: "X-RateLimit-Reset-After", value: "7.5")]
        let verdict = DeliveryVerdict(HTTPResult(status: 429, headers: headers), now: now)
        #expect(verdict == .retryable(reason: "HTTP 429 Too Many Requests", retryAfter: 7.5))
    }

    @Test func aBodyThatIsNotJSONHasNoRetryAfter() {
        #expect(RetryAfter.seconds(fromJSONBody: Array("retry_after: 3".utf8)) == nil)
        #expect(RetryAfter.seconds(fromJSONBody: Array(#"{"retry_after": "soon"}"#.utf8)) == nil)
        #expect(RetryAfter.seconds(fromJSONBody: Array(#"{"retry_after": -1}"#.utf8)) == nil)
        #expect(RetryAfter.seconds(fromJSONBody: Array(#"{"retry_after": 3}"#.utf8)) == 3)
    }

    @Test(arguments: [
        (410, ""), (404, "channel_is_archived"), (403, "channel_is_archived\n"), (404, "no_service"),
        (404, #"{"message": "Unknown Webhook", "code": 10015}"#),
    ])
    func goneEndpointsAreRecognised(status: Int, body: String) {
        let verdict = DeliveryVerdict(HTTPResult(status: status, body: Array(body.utf8)), now: now)
        guard case .gone(let reason) = verdict else {
            Issue.record("\(status) \(body) should be gone, not \(verdict)")
            return
        }
        #expect(reason.hasPrefix("HTTP \(status)"))
    }

    @Test(arguments: [
        (404, #"{"message": "Unknown Channel", "code": 10003}"#), (500, "no_service"), (400, "invalid_payload"),
    ])
    func otherFailuresAreNotGone(status: Int, body: String) {
        let verdict = DeliveryVerdict(HTTPResult(status: status, body: Array(body.utf8)), now: now)
        if case .gone = verdict { Issue.record("\(status) \(body) is not a gone endpoint") }
    }

    @Test func reasonQuotesAtMost200CharactersOnOneLineWithoutURLs() {
        let body = "bad\npayload see https://hooks.example.com/services/TOKEN?x=1 " + String(repeating: "y", count: 500)
        guard case .permanent(let reason) = DeliveryVerdict(HTTPResult(status: 400, body: Array(body.utf8)), now: now)
        else {
            Issue.record("400 should be permanent")
            return
        }
        #expect(reason.hasPrefix("HTTP 400 Bad Request: bad payload see https://hooks.example.com/… yyy"))
        #expect(!reason.contains("TOKEN"))
        #expect(reason.count == "HTTP 400 Bad Request: ".count + 200)
    }
}

@Suite struct URLRedactionTests {
    @Test func urlsKeepOnlySchemeAndHost() {
        let text = "Failed to connect to https://user:pw@hooks.slack.com/services/T/B/X?token=1 after 5 ms"
        #expect(URLRedaction.redact(text) == "Failed to connect to https://hooks.slack.com/… after 5 ms")
    }

    @Test func theRequestPathIsRemovedEvenWithoutScheme() {
        let url = "https://example.com/hook/abcdef123"
        let text = "Could not handle /hook/abcdef123 on example.com"
        #expect(URLRedaction.redact(text, requestURL: url) == "Could not handle /… on example.com")
    }
}
