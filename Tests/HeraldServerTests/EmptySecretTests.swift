import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// No route ever compares a credential with an empty secret: a `Secret` cannot be empty (the config refuses one at its
/// place), and a route whose `api_token`, Mattermost token or Slack signing secret is not configured refuses everyone,
/// even a request that offers the empty value or signs with one.
@Suite struct EmptySecretTests {
    /// What a request offers to each credential, and what the route must answer.
    enum Credential: String, CaseIterable, Sendable {
        case bearer, dashboardLogin, calendarBearer, mattermost, slack
    }

    /// The fixture's configuration without any of its secrets: an empty string makes no `Secret`.
    static func emptied() throws -> Configuration {
        var configuration = try ServerFixture().configuration
        configuration.server?.apiToken = Secret(String())
        configuration.server?.chat = ChatSettings(slackSigningSecret: Secret(String()), mattermostToken: nil)
        return configuration
    }

    @Test(arguments: Credential.allCases)
    func anEmptySecretRefuses(credential: Credential) async throws {
        let now = try ServerFixture().now
        try await ServerFixture().test(configuration: try Self.emptied()) { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            switch credential {
            case .bearer:
                for header in ["Bearer ", "Bearer", "bearer  "] {
                    try await client.execute(
                        uri: "/api/v1/projects", method: .get, headers: [.authorization: header]
                    ) { response in
                        #expect(response.status == .unauthorized, "\(header)")
                        #expect(errorText(response) == "the server has no api_token configured")
                    }
                }
            case .dashboardLogin:
                try await client.execute(uri: "/login", method: .post, headers: form, body: body("token=")) {
                    #expect($0.status == .forbidden)
                    #expect($0.headers[.setCookie] == nil)
                }
            case .calendarBearer:
                try await client.execute(uri: "/calendar.ics", method: .get, headers: [.authorization: "Bearer "]) {
                    #expect($0.status == .unauthorized)
                }
            case .mattermost:
                try await client.execute(
                    uri: "/chat/mattermost", method: .post, headers: form,
                    body: body("token=&user_id=mm-bob&text=done+apollo%2Fdesign")
                ) {
                    #expect($0.status == .unauthorized)
                    #expect(errorText($0) == "Mattermost commands are not configured (server.chat.mattermost)")
                }
            case .slack:
                let text = "user_id=U-ALICE&text=done+apollo%2Fdesign"
                let timestamp = String(Int(now.timeIntervalSince1970))
                var headers = form
                headers[HTTPField.Name("X-Slack-Request-Timestamp")!] = timestamp
                headers[SlackSignature.signatureHeader] = SlackSignature.sign(
                    secret: "any", timestamp: timestamp, body: Array(text.utf8)
                )
                try await client.execute(uri: "/chat/slack", method: .post, headers: headers, body: body(text)) {
                    #expect($0.status == .unauthorized)
                    #expect(errorText($0) == "Slack commands are not configured (server.chat.slack)")
                }
            }
        }
    }

    @Test(arguments: ["", "x", " "])
    func constantTimeEqualityNeverMatchesAnEmptySecret(given: String) {
        #expect(!ConstantTime.equal(given, ""))
        #expect(!ConstantTime.isBearer("Bearer \(given)", ""))
    }
}
