import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `POST /chat/slack` and `POST /chat/mattermost`: slash commands (form-encoded), answered with JSON
    /// `{"response_type": "ephemeral"|"in_channel", "text": …}`, each command and its answer recorded in the
    /// communication log. No bearer token: Slack's request must carry a valid `X-Slack-Signature` over a timestamp
    /// within five minutes of now and not be seen before (the store keeps the signatures, so a restart forgets
    /// none); Mattermost's payload must carry the configured `token`. Both 401 otherwise, and when the platform is
    /// not configured under `server.chat` or its secret is empty. Slack's certificate check (`ssl_check=1`, no
    /// command) is answered with an empty 200.
    func addChat(to router: Router<ServerRequestContext>) {
        router.post("chat/slack") { request, context in
            let form = try await FormBody(request, limit: await bodyLimit())
            // Slack checks the endpoint's certificate with an `ssl_check=1` request that carries no command: an
            // empty 200, nothing read, changed or logged.
            if form["ssl_check"] == "1", form["user_id"] == nil { return Response(status: .ok) }
            let configuration = try await loadedConfiguration()
            guard let secret = configuration.server?.chat.slackSigningSecret else {
                throw APIError(.unauthorized, "Slack commands are not configured (server.chat.slack)")
            }
            let receivedAt = now()
            let timestamp = try SlackSignature.verify(request.headers, body: form.raw, secret: secret, now: receivedAt)
            let signature = request.headers[SlackSignature.signatureHeader] ?? ""
            guard try store.isFirstSight(
                ofSlackSignature: signature, acceptedUntil: timestamp.addingTimeInterval(SlackSignature.tolerance),
                now: receivedAt
            ) else {
                throw APIError(.unauthorized, "replayed Slack request")
            }
            return try await chatReply(
                platform: "slack", form: form, configuration: configuration, at: receivedAt, context: context
            )
        }
        router.post("chat/mattermost") { request, context in
            let form = try await FormBody(request, limit: await bodyLimit())
            let configuration = try await loadedConfiguration()
            guard let token = configuration.server?.chat.mattermostToken?.value else {
                throw APIError(.unauthorized, "Mattermost commands are not configured (server.chat.mattermost)")
            }
            guard ConstantTime.equal(form["token"] ?? "", token) else {
                throw APIError(.unauthorized, "wrong Mattermost token")
            }
            return try await chatReply(
                platform: "mattermost", form: form, configuration: configuration, at: now(), context: context
            )
        }
    }

    /// Answers the command in `form` from its `user_id`, records the exchange as received at `at`, and renders the
    /// reply.
    private func chatReply(
        platform: String, form: FormBody, configuration: Configuration, at: Date, context: ServerRequestContext
    ) async throws -> Response {
        let userID = try form.required("user_id")
        let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let person = configuration.people.values.first { $0.chatIDs.contains(userID) }
        let answer = try await chatAnswer(to: text, from: person, configuration: configuration)
        let subject = (try? ChatCommand(parsing: text))?.subject
        try store.record(chat: ChatExchange(
            at: at, platform: platform, userID: userID, person: person?.key,
            channel: form["channel_name"] ?? form["channel_id"], text: text, answer: answer.text,
            outcome: answer.outcome, projectID: subject?.projectID, milestoneID: subject?.milestoneID
        ))
        context.logger.info("chat command", metadata: [
            "platform": "\(platform)", "user": "\(person?.key ?? userID)", "outcome": "\(answer.outcome.rawValue)",
        ])
        let reply = ChatReply(responseType: answer.inChannel ? "in_channel" : "ephemeral", text: answer.text)
        return JSONResponse.make(reply)
    }
}

/// The JSON both platforms read as a slash command's answer.
private struct ChatReply: Encodable {
    var responseType: String
    var text: String

    enum CodingKeys: String, CodingKey {
        case responseType = "response_type", text
    }
}
