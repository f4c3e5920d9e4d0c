import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/log`: the communication flow as `{"entries": [...], "next_cursor": …}`, the entries as
    /// `herald log --json` prints them (milestone changes among them as `"event": "change"`), oldest first, with its
    /// filters `project`, `milestone`, `channel`, `state`
    /// (delivered, pending, retrying, dead, cancelled, held, suppressed), `person` (a person key; an unknown one is a
    /// 400) and `since` (a look-back like `7d`, a date or an RFC 3339 date-time). A page holds the `limit` most
    /// recent entries (default 100, at most 1000); `cursor`, the `next_cursor` of a page, reads the page before it,
    /// until `next_cursor` is null.
    func addLog(to api: RouterGroup<ServerRequestContext>) {
        api.get("log") { request, _ in
            let query = try QueryParameters(
                request, allowed: ["project", "milestone", "channel", "state", "person", "since", "limit", "cursor"]
            )
            var filter = LogFilter(
                projectID: try query.string("project"), milestoneID: try query.string("milestone"),
                channel: try query.string("channel")
            )
            filter.state = try query.state("state", try query.string("state"), as: LogState.self)
            let configuration = try await loadedConfiguration()
            if let person = try query.string("person") {
                guard configuration.people[person] != nil else {
                    throw APIError(.badRequest, "query parameter 'person': unknown person '\(person)'")
                }
                filter.person = person
            }
            if let since = try query.string("since") {
                let zone = configuration.calendar.timeZone
                guard let instant = SinceParser.instant(since, now: now(), zone: zone) else {
                    throw APIError(
                        .badRequest, "query parameter 'since' must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z"
                    )
                }
                filter.since = instant
            }
            let limit = try query.positiveInt("limit") ?? LogPage.defaultLimit
            guard limit <= LogPage.maximumLimit else {
                throw APIError(.badRequest, "query parameter 'limit' must be at most \(LogPage.maximumLimit)")
            }
            let cursor = try query.string("cursor").map { text in
                guard let cursor = LogPage.Cursor(text) else {
                    throw APIError(.badRequest, "query parameter 'cursor' is not a next_cursor this server gave")
                }
                return cursor
            }
            let page = LogPage(
                try store.timeline(LogPage.filter(filter, limit: limit, cursor: cursor)), limit: limit, cursor: cursor
            )
            return JSONResponse.make(LogReport.json(
                page: page.events, nextCursor: page.next?.text, names: configuration.people.mapValues(\.name)
            ))
        }
    }
}
