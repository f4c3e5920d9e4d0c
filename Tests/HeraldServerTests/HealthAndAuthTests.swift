import Foundation
import HeraldCore
@testable import HeraldServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Health needs no token and tells whether the server can serve; everything under `/api/v1` needs the configured
/// bearer token, and every error is JSON.
@Suite struct HealthAndAuthTests {
    @Test func healthzAnswersWithoutAToken() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(json(response) as? [String: String] == ["status": "alive"])
            }
        }
    }

    @Test func readyzIsReadyWithAConfigurationAndUnavailableWithout() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        try await fixture.test(configuration: nil) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(errorText(response) == "no configuration loaded")
            }
        }
    }

    @Test(arguments: [
        ([:], "missing bearer token"),
        ([.authorization: "Bearer s3cre"], "wrong bearer token"),
        ([.authorization: "Bearer s3cret!"], "wrong bearer token"),
        ([.authorization: "Basic s3cret"], "missing bearer token"),
    ] as [(HTTPFields, String)])
    func aMissingOrWrongTokenIs401(headers: HTTPFields, expected: String) async throws {
        try await ServerFixture().test { client in
            for path in ["/api/v1/projects", "/api/v1/escalations", "/api/v1/log", "/api/v1/deliveries"] {
                try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(errorText(response) == expected)
                }
            }
        }
    }

    @Test(arguments: ["Bearer s3cret", "bearer s3cret", "BEARER s3cret", "BeArEr   s3cret"])
    func theBearerSchemeIsCaseInsensitive(header: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/projects", method: .get, headers: [.authorization: header]) {
                #expect($0.status == .ok, "\(header)")
            }
        }
    }

    @Test func withoutAConfiguredTokenTheAPIRefusesEveryone() async throws {
        var configuration = try ServerFixture().configuration
        configuration.server = ServerSettings(listen: "127.0.0.1:0")
        try await ServerFixture().test(configuration: configuration) { client in
            try await client.execute(uri: "/api/v1/projects", method: .get, headers: authorized) { response in
                #expect(response.status == .unauthorized)
                #expect(errorText(response) == "the server has no api_token configured")
            }
        }
    }

    @Test func anUnknownRouteIsAJSON404() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: authorized) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(errorText(response)?.isEmpty == false)
            }
        }
    }

    @Test(arguments: [
        ("s3cret", "s3cret", true), ("s3cret", "s3creT", false), ("s3cre", "s3cret", false),
        ("s3cret\0", "s3cret", false), ("", "s3cret", false), ("", "", false),
    ])
    func constantTimeEqualityComparesEveryByte(given: String, expected: String, equal: Bool) {
        #expect(ConstantTime.equal(given, expected) == equal)
    }
}
