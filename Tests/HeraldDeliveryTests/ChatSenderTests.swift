import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing
@testable import HeraldDelivery

/// Each chat format posted through a real ``HTTPSender`` to a receiver on 127.0.0.1.
@Suite(.serialized) struct ChatSenderTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let message = OutgoingMessage(
        id: "msg_chat", createdAt: Date(timeIntervalSince1970: 1_800_000_000), kind: .reminder, rule: "due-soon",
        project: ProjectRef(id: "apollo", name: "Apollo"),
        milestones: [MilestoneRef(id: "design sign/off", title: "Design sign-off", due: CivilDate(iso: "2026-12-04")!,
                                  status: .inProgress, owner: "alice")],
        channel: "chat", recipients: ["alice"], mentions: ["<@U1>"], text: "Design sign-off is due Friday."
    )

    /// Sends `message` in `format` to `url` and returns the result with the one request received.
    func send(_ format: HTTPSender.Format, to receiver: TestHTTPReceiver, url: String? = nil) async throws
        -> (SendResult, ReceivedRequest)
    {
        let curl = CurlEngine(logger: Logger(label: "test.chat"))
        defer { curl.shutdown() }
        let sender = HTTPSender(url: Secret(url ?? receiver.url)!, format: format, curl: curl, timeout: .seconds(2))
        let result = await sender.send(message, now: now)
        let request = try #require(receiver.requests.last)
        return (result, request)
    }

    @Test(arguments: [HTTPSender.Format.slack, .teams(), .discord, .mattermost, .googlechat])
    func everyChatBodyIsJSON(_ format: HTTPSender.Format) async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let (result, request) = try await send(format, to: receiver)
        #expect(result.verdict == .success)
        #expect(request.method == "POST")
        #expect(request.headers["content-type"] == "application/json")
        #expect(try JSONSerialization.jsonObject(with: Data(request.body)) is [String: Any])
        #expect(request.headers["webhook-id"] == nil, "Standard Webhooks headers are for generic webhooks only")
    }

    @Test func discordIsAskedToWaitKeepingTheExistingQuery() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        _ = try await send(.discord, to: receiver)
        #expect(receiver.requests.last?.path == "/hook?wait=true")
        _ = try await send(.discord, to: receiver, url: receiver.url(path: "/hook?thread_id=7&wait=false"))
        #expect(receiver.requests.last?.path == "/hook?thread_id=7&wait=true")
    }

    @Test func googleChatThreadsByProjectAndMilestone() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let url = receiver.url(path: "/v1/spaces/S?key=k&token=t")
        let (_, request) = try await send(.googlechat, to: receiver, url: url)
        #expect(request.path == "/v1/spaces/S?key=k&token=t&threadKey=apollo%2Fdesign%20sign%2Foff"
            + "&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD")
    }

    @Test func teams202WithAnEmptyBodyIsDeliveredButUnconfirmed() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(202))
        let (result, _) = try await send(.teams(), to: receiver)
        #expect(result.verdict == .success)
        #expect(result.httpStatus == 202)
        #expect(result.note == "202 accepted (unconfirmed: Teams does not report delivery)")
        #expect(result.recordedExcerpt == "202 accepted (unconfirmed: Teams does not report delivery)")
    }

    @Test func mattermostOkAndOtherAnswersCarryNoNote() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let (result, _) = try await send(.mattermost, to: receiver)
        #expect(result.verdict == .success)
        #expect(result.note == nil)
        #expect(result.recordedExcerpt == "ok")
        receiver.enqueue(.status(202, body: "queued"))
        let (teams, _) = try await send(.teams(), to: receiver)
        #expect(teams.note == nil, "a 202 with a body is an ordinary answer")
    }

    @Test func queryParametersAreSetAndEncoded() {
        #expect(URLQuery.setting([("wait", "true")], in: "https://d.example/api/webhooks/1/x")
            == "https://d.example/api/webhooks/1/x?wait=true")
        #expect(URLQuery.setting([("a", "b c/ü")], in: "https://x.example/p?a=1&z=2#frag")
            == "https://x.example/p?z=2&a=b%20c%2F%C3%BC#frag")
    }
}
