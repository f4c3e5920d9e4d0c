import Foundation
import HeraldCore
import HeraldServer
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /calendar.ics` and `GET /projects/{p}/calendar.ics`: open with the bearer token or the scope's key only.
@Suite struct CalendarRouteTests {
    static let key = AckPageTests.key

    static func get(
        _ uri: String, headers: HTTPFields = [:], _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        try await AckPageTests.test(try ServerFixture()) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { try check($0) }
        }
    }

    @Test(arguments: [CalendarScope.all, .project("apollo")])
    func theScopesKeyOpensItsFeed(scope: CalendarScope) async throws {
        try await Self.get("\(scope.path)?key=\(CalendarLink.key(for: scope, with: Self.key))") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            let ics = String(buffer: response.body)
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(ics.contains("\r\nX-WR-CALNAME:\(scope == .all ? "Herald" : "Apollo") milestones\r\n"))
            #expect(ics.contains("\r\nUID:design@apollo.herald\r\n"))
            #expect(ics.contains("\r\nDTSTART;VALUE=DATE:20261203\r\n"))
            #expect(ics.contains("\r\nDTSTAMP:20261204T090000Z\r\n"))
            #expect(ics.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        }
    }

    @Test(arguments: ["/calendar.ics", "/projects/apollo/calendar.ics"])
    func theBearerTokenOpensEveryFeed(uri: String) async throws {
        try await Self.get(uri, headers: authorized) { response in
            #expect(response.status == .ok)
        }
    }

    @Test(arguments: [
        ("/calendar.ics?key=\(CalendarLink.key(for: .project("apollo"), with: key))", 404, "no such calendar"),
        ("/projects/apollo/calendar.ics?key=\(CalendarLink.key(for: .all, with: key))", 404, "no such calendar"),
        ("/calendar.ics?key=wrong", 404, "no such calendar"),
        ("/calendar.ics?key=", 400, "query parameter 'key' is empty"),
        ("/calendar.ics", 401, "a bearer token or ?key= is required"),
        ("/calendar.ics?token=x", 400, "unknown query parameter 'token' (allowed: key)"),
        ("/projects/zeus/calendar.ics?key=\(CalendarLink.key(for: .project("zeus"), with: key))", 404,
         "unknown project 'zeus'"),
    ])
    func aWrongOrMissingKeyIsRefused(uri: String, status: Int, error: String) async throws {
        try await Self.get(uri) { response in
            #expect(response.status.code == status)
            #expect(errorText(response) == error)
        }
    }

    @Test func aWrongBearerTokenIs401EvenWithAGoodKey() async throws {
        let uri = "/calendar.ics?key=\(CalendarLink.key(for: .all, with: Self.key))"
        try await Self.get(uri, headers: [.authorization: "Bearer nope"]) { response in
            #expect(response.status == .unauthorized)
        }
    }
}
