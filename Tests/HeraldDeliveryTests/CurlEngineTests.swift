import Foundation
import HeraldTestSupport
import Logging
import Testing
@testable import HeraldDelivery

@Suite struct CurlEngineTests {
    let engine = CurlEngine(logger: Logger(label: "test.curl"))
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func post(_ url: String, body: String = "{}", timeout: Duration = .seconds(5), maxResponseBytes: Int = 65_536)
        -> HTTPRequest
    {
        HTTPRequest(
            url: url, headers: [HTTPHeader(name: "Content-Type", value: "application/json")], body: Array(body.utf8),
            connectTimeout: .seconds(2), totalTimeout: timeout, maxResponseBytes: maxResponseBytes
        )
    }

    @Test func successSendsBodyAndHeadersAsGiven() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(.status(200, body: "accepted", headers: [("X-Reply", "  yes  ")]))
        let body = #"{"type":"test","n":1}"#
        var request = post(receiver.url, body: body)
        request.headers += [
            HTTPHeader(name: "webhook-id", value: "msg_1"), HTTPHeader(name: "User-Agent", value: "herald/0"),
        ]

        let result = await engine.perform(request)

        #expect(result.status == 200)
        #expect(result.curlCode == 0)
        #expect(result.curlMessage == nil)
        #expect(result.bodyText == "accepted")
        #expect(result.header("x-reply") == "yes")
        #expect(result.header("CONTENT-LENGTH") == "8")
        #expect(result.latency > 0)
        #expect(DeliveryVerdict(result, now: now) == .success)
        let received = try #require(receiver.requests.first)
        #expect(received.method == "POST")
        #expect(received.path == "/hook")
        #expect(received.bodyText == body)
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.headers["webhook-id"] == "msg_1")
        #expect(received.headers["user-agent"] == "herald/0")
        #expect(received.headers["content-length"] == "\(body.utf8.count)")
        #expect(received.headers["expect"] == nil)
    }

    @Test func serverErrorIsRetryable() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(.status(500, body: "boom"))
        let result = await engine.perform(post(receiver.url))
        #expect(result.status == 500)
        let verdict = DeliveryVerdict(result, now: now)
        #expect(verdict == .retryable(reason: "HTTP 500 Internal Server Error: boom", retryAfter: nil))
    }

    @Test func notFoundIsPermanentWithReason() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(.status(404, body: "no_such_hook\n"))
        let result = await engine.perform(post(receiver.url))
        #expect(DeliveryVerdict(result, now: now) == .permanent(reason: "HTTP 404 Not Found: no_such_hook"))
    }

    @Test func tooManyRequestsHonoursRetryAfterInBothForms() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(
            .status(429, headers: [("Retry-After", "7")]),
            .status(429, headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")])
        )
        let seconds = await engine.perform(post(receiver.url))
        #expect(DeliveryVerdict(seconds, now: now) == .retryable(reason: "HTTP 429 Too Many Requests", retryAfter: 7))

        let dated = await engine.perform(post(receiver.url))
        let before = Date(timeIntervalSince1970: 784_111_777 - 90)
        #expect(DeliveryVerdict(dated, now: before) == .retryable(reason: "HTTP 429 Too Many Requests", retryAfter: 90))
    }

    @Test func connectionRefusedIsRetryableAndKeepsTheURLOut() async throws {
        defer { engine.shutdown() }
        let down = try TestHTTPReceiver(path: "/services/T000/SECRET-TOKEN", start: false)
        let result = await engine.perform(post(down.url))
        #expect(result.status == nil)
        #expect(result.curlCode == 7)
        let message = try #require(result.curlMessage)
        #expect(!message.contains("SECRET-TOKEN"))
        #expect(DeliveryVerdict(result, now: now) == .retryable(reason: "connection refused (curl 7)", retryAfter: nil))
    }

    @Test func receiverThatIsDownThenComesUp() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver(start: false)
        let refused = await engine.perform(post(receiver.url))
        #expect(refused.curlCode == 7)
        try receiver.start()
        let accepted = await engine.perform(post(receiver.url))
        #expect(accepted.status == 200)
        receiver.stop()
        let refusedAgain = await engine.perform(post(receiver.url))
        #expect(refusedAgain.curlCode == 7)
        try receiver.start()
        #expect(await engine.perform(post(receiver.url)).status == 200)
        #expect(receiver.requests.count == 2)
    }

    @Test func hangingReceiverTimesOutWhileOthersAreServed() async throws {
        defer { engine.shutdown() }
        let hanging = try TestHTTPReceiver()
        hanging.defaultResponse = .hang
        let healthy = try TestHTTPReceiver()
        let slowDone = CompletionFlag()

        let slow = Task { [engine] in
            let result = await engine.perform(post(hanging.url, timeout: .seconds(2)))
            await slowDone.set()
            return result
        }
        _ = await hanging.waitForRequests(count: 1)
        let fast = await engine.perform(post(healthy.url))
        let servedWhileHanging = await !slowDone.isSet
        let timedOut = await slow.value

        #expect(fast.status == 200)
        #expect(servedWhileHanging, "the healthy receiver is answered while the hanging one still holds its transfer")
        #expect(timedOut.curlCode == 28)
        #expect(timedOut.latency >= 1.9)
        let verdict = DeliveryVerdict(timedOut, now: now)
        #expect(verdict == .retryable(reason: "operation timed out (curl 28)", retryAfter: nil))
    }

    @Test func transfersBeyondTheHostLimitWaitAndTimeOutInTheQueue() async throws {
        let engine = CurlEngine(configuration: .init(maxHostConnections: 2), logger: Logger(label: "test.curl"))
        defer { engine.shutdown() }
        let hanging = try TestHTTPReceiver()
        hanging.defaultResponse = .hang
        async let first = engine.perform(post(hanging.url, timeout: .seconds(2)))
        async let second = engine.perform(post(hanging.url, timeout: .seconds(2)))
        _ = await hanging.waitForRequests(count: 2)

        let queued = await engine.perform(post(hanging.url, timeout: .milliseconds(500)))
        #expect(queued.curlCode == 28)
        #expect(queued.curlMessage?.contains("no free connection") == true)
        #expect(queued.latency >= 0.45 && queued.latency < 1.5)
        #expect(hanging.requests.count == 2)

        let others = await [first, second]
        #expect(others.allSatisfy { $0.curlCode == 28 && $0.latency >= 1.9 })
    }

    @Test func twoHundredConcurrentRequestsAllComplete() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        let statuses = await withTaskGroup(of: Int?.self) { group in
            for index in 0..<200 {
                group.addTask { await engine.perform(post(receiver.url, body: "{\"n\":\(index)}")).status }
            }
            return await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
        let bodies = Set(receiver.requests.map(\.bodyText))
        #expect(bodies.count == 200)
        #expect(receiver.connectionCount <= 8)
    }

    @Test func redirectIsNotFollowedAndPermanent() async throws {
        defer { engine.shutdown() }
        let target = try TestHTTPReceiver()
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(.status(302, headers: [("Location", target.url)]))
        let result = await engine.perform(post(receiver.url))
        #expect(result.status == 302)
        #expect(DeliveryVerdict(result, now: now) == .permanent(reason: "HTTP 302 Found (redirects are not followed)"))
        try await Task.sleep(for: .milliseconds(100))
        #expect(target.requests.isEmpty)
    }

    @Test func ftpIsRefusedAsPermanent() async throws {
        defer { engine.shutdown() }
        let result = await engine.perform(post("ftp://127.0.0.1:1/upload/secret"))
        #expect(result.curlCode == 1)
        #expect(result.status == nil)
        #expect(result.curlMessage?.contains("secret") == false)
        #expect(DeliveryVerdict(result, now: now) == .permanent(reason: "unsupported protocol (curl 1)"))
    }

    @Test func invalidHeaderIsRefusedBeforeSending() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        var request = post(receiver.url)
        request.headers.append(HTTPHeader(name: "X-Injected", value: "a\r\nHost: evil"))
        let result = await engine.perform(request)
        #expect(result.curlCode == 43)
        #expect(DeliveryVerdict(result, now: now).isSuccess == false)
        #expect(receiver.requests.isEmpty)
    }

    @Test(arguments: [(1000, 1000), (65_536, 65_536), (200_000, 150_000)])
    func responseBodyIsCapped(cap: Int, expected: Int) async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.enqueue(TestResponse(body: [UInt8](repeating: UInt8(ascii: "x"), count: 150_000)))
        let result = await engine.perform(post(receiver.url, maxResponseBytes: cap))
        #expect(result.status == 200)
        #expect(result.body.count == expected)
        #expect(result.isBodyTruncated == (expected < 150_000))
    }

    @Test func shutdownResumesPendingRequests() async throws {
        let receiver = try TestHTTPReceiver()
        receiver.defaultResponse = .hang
        let engine = self.engine
        let pending = Task {
            await withTaskGroup(of: HTTPResult.self) { group in
                for _ in 0..<3 {
                    group.addTask { await engine.perform(post(receiver.url, timeout: .seconds(30))) }
                }
                return await group.reduce(into: [HTTPResult]()) { $0.append($1) }
            }
        }
        #expect(await receiver.waitForRequests(count: 3).count == 3)
        engine.shutdown()
        let results = await pending.value
        #expect(results.count == 3)
        #expect(results.allSatisfy { $0.curlCode == 42 && $0.curlMessage == "aborted: engine shut down" })
        #expect(results.allSatisfy { $0.latency < 5 })

        let late = await engine.perform(post(receiver.url))
        #expect(late.curlCode == 42)
        engine.shutdown()
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        receiver.defaultResponse = .hang
        let engine = self.engine
        let request = post(receiver.url, timeout: .seconds(30))
        let task = Task { await engine.perform(request) }
        _ = await receiver.waitForRequests(count: 1)
        task.cancel()
        let result = await task.value
        #expect(result.curlCode == 42)
        #expect(result.curlMessage == "aborted: request cancelled")
        #expect(result.latency < 5)
    }
}

/// Set once by a task that finished, read by the test that raced it.
private actor CompletionFlag {
    private(set) var isSet = false

    func set() { isSet = true }
}
