import Foundation
import HeraldCore
import HeraldStore
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// `GET /api/v1/log` answers a page: the 100 most recent entries unless `limit` says otherwise, and a `next_cursor`
/// that reads the page before, until it is null; events sharing a timestamp are neither repeated nor skipped.
@Suite struct LogPageTests {
    /// A chat command at `second` seconds after the fixture's now, its text naming `index`.
    static func exchange(_ index: Int, at second: Int) -> ChatExchange {
        ChatExchange(
            at: ServerFixture.at("2026-12-04", 9).addingTimeInterval(TimeInterval(second)), platform: "slack", userID: "U1",
            person: nil, channel: nil, text: "status \(index)", answer: "ok", outcome: .answered
        )
    }

    /// The fixture (one message) plus `count` chat commands, `perSecond` of them sharing each timestamp.
    static func fixture(count: Int, perSecond: Int) throws -> ServerFixture {
        let fixture = try ServerFixture()
        for index in 0..<count { try fixture.store.record(chat: exchange(index, at: 1 + index / perSecond)) }
        return fixture
    }

    /// Every page from the newest back, each as its entries' texts (the fixture's message as `message`).
    static func pages(_ client: some TestClientProtocol, limit: Int?) async throws -> [[String]] {
        var pages: [[String]] = []
        var cursor: String?
        repeat {
            var query = limit.map { ["limit=\($0)"] } ?? []
            if let cursor { query.append("cursor=\(cursor)") }
            let uri = "/api/v1/log" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            cursor = try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let page = try #require(json(response) as? [String: Any])
                let entries = try #require(page["entries"] as? [[String: Any]])
                pages.append(entries.map { entry in
                    (entry["text"] as? String).map { $0.hasPrefix("status") ? $0 : "message" } ?? "?"
                })
                return page["next_cursor"] as? String
            }
        } while cursor != nil && pages.count < 50
        return pages
    }

    @Test func withoutALimitAPageHoldsTheHundredMostRecentEntries() async throws {
        try await Self.fixture(count: 150, perSecond: 1).test { client in
            let pages = try await Self.pages(client, limit: nil)
            #expect(pages.map(\.count) == [100, 51])
            #expect(pages[0].first == "status 50")
            #expect(pages[0].last == "status 149")
            #expect(pages[1].first == "message", "the oldest page starts with the oldest entry")
        }
    }

    @Test(arguments: [(1, 1), (2, 3), (3, 3), (4, 5), (7, 10), (10, 1)])
    func pagesCoverEveryEntryOnceWhateverTheTies(limit: Int, perSecond: Int) async throws {
        try await Self.fixture(count: 12, perSecond: perSecond).test { client in
            let pages = try await Self.pages(client, limit: limit)
            let all = ["message"] + (0..<12).map { "status \($0)" }
            #expect(Array(pages.reversed().joined()) == all)
            #expect(pages.dropLast().allSatisfy { $0.count == limit }, "only the oldest page is short")
        }
    }

    @Test func aCursorReadsBackTheSameWayWhileNewerEntriesArrive() throws {
        let events = (0..<5).map { LogEvent.chat(Self.exchange($0, at: 1)) }
        let first = LogPage(events, limit: 2, cursor: nil)
        let cursor = try #require(first.next)
        #expect(cursor.shown == 2)
        #expect(LogPage.Cursor(cursor.text) == cursor)
        let filter = LogPage.filter(LogFilter(), limit: 2, cursor: cursor)
        #expect(filter.until == cursor.time)
        #expect(filter.limit == 5)
        let second = LogPage(events, limit: 2, cursor: cursor)
        #expect(second.events.map(\.key) == events[1...2].map(\.key))
        #expect(second.next?.shown == 4)
    }
}
