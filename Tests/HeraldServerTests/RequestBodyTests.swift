import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

/// A JSON body is read strictly: it must be sent as JSON (415), must not give a field twice or hold a NUL character
/// (400), its text fields must keep to ``FreeText``'s rule (at most 2,000 characters, no control character but line
/// breaks and tabs), and it must fit `server.max_body_bytes` (413 naming the limit); nothing is changed otherwise. A
/// form field breaking the rule is a 400 too.
@Suite struct RequestBodyTests {
    private static let design = "/api/v1/projects/apollo/milestones/design"
    private static let bearer: HTTPFields = [.authorization: "Bearer \(ServerFixture.token)"]

    @Test(arguments: [
        (nil, #"{"status": "done"}"#, 415, "the body must be sent with Content-Type: application/json"),
        ("text/plain", #"{"status": "done"}"#, 415, "the body must be sent with Content-Type: application/json"),
        ("application/x-www-form-urlencoded", "status=done", 415,
         "the body must be sent with Content-Type: application/json"),
        ("application/json", #"{"status": "done", "status": "cancelled"}"#, 400, "field 'status' is given twice"),
        ("application/json", #"{"note": "a", "n\u006fte": "b"}"#, 400, "field 'note' is given twice"),
        ("application/json", #"{"status": "done", "note": "ok\u0000; DROP"}"#, 400,
         "a string in the body holds a NUL character (\\u0000)"),
        ("application/json; charset=utf-8", #"{"note": "x\u0000"}"#, 400,
         "a string in the body holds a NUL character (\\u0000)"),
        ("application/json", #"{"note": "\u001b[2Jon it"}"#, 400, "field 'note' holds a control character (U+1B)"),
        ("application/json", #"{"note": "x"# + String(repeating: "y", count: 2_000) + #""}"#, 400,
         "field 'note' is longer than 2000 characters"),
    ] as [(String?, String, Int, String)])
    func aBodyNotSentAsJSONOrAmbiguousIsRefused(type: String?, text: String, status: Int, error: String)
        async throws
    {
        let fixture = try await RuntimeFixture()
        let before = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        var fields = Self.bearer
        if let type { fields[.contentType] = type }
        let headers = fields
        try await fixture.test { client in
            try await client.execute(uri: Self.design, method: .patch, headers: headers, body: body(text)) {
                #expect($0.status.code == status)
                #expect(errorText($0) == error)
            }
        }
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design") == before)
    }

    @Test func aJSONContentTypeWithParametersOrASuffixIsTaken() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            for type in ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"] {
                var headers = Self.bearer
                headers[.contentType] = type
                let note = #"{"note": "seen:\nline two\ttabbed"}"#
                try await client.execute(uri: Self.design, method: .patch, headers: headers, body: body(note)) {
                    #expect($0.status == .ok, "\(type)")
                }
            }
        }
    }

    @Test(arguments: [
        ("token=mm-token&user_id=mm-bob&text=done+apollo%2Fdesign%00",
         "form field 'text' holds a control character (U+0)"),
        ("token=mm-token&user_id=mm-bob&te%00xt=status", "form field 'text' holds a control character (U+0)"),
        ("token=mm-token&user_id=mm-bob&text=done+apollo%2Fdesign+%1B%5B2J",
         "form field 'text' holds a control character (U+1B)"),
        ("token=mm-token&user_id=mm-bob&text=done+apollo%2Fdesign+" + String(repeating: "x", count: 2_000),
         "form field 'text' is longer than 2000 characters"),
    ])
    func aControlCharacterOrAnOverlongFieldInAFormIsRefused(form: String, error: String) async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: "/chat/mattermost", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: body(form)
            ) {
                #expect($0.status == .badRequest)
                #expect(errorText($0) == error)
            }
        }
        #expect(try fixture.milestone("design")?.status == .inProgress)
    }

    @Test func theBodyLimitIsConfigurableAndThe413NamesIt() async throws {
        let fixture = try await RuntimeFixture()
        var configuration = fixture.configuration
        configuration.server?.limits.maxBodyBytes = 100
        let note = String(repeating: "n", count: 120)
        try await fixture.test(configuration: configuration) { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized, body: body(#"{"note": "\#(note)"}"#)
            ) {
                #expect($0.status == .contentTooLarge)
                #expect(errorText($0) == "the body is larger than 100 bytes")
            }
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized, body: body(#"{"note": "short"}"#)
            ) { #expect($0.status == .ok) }
        }
    }
}
