import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/log`: the communication flow, oldest first, as `herald log --json` prints it, with its filters
    /// `project`, `milestone`, `channel`, `state` (delivered, pending, retrying, dead, cancelled, held, suppressed),
    /// `since` (a look-back like `7d`, a date or an RFC 3339 date-time) and `limit` (the most recent entries).
    func addLog(to api: RouterGroup<BasicRequestContext>) {
        api.get("log") { request, _ in
            let query = try QueryParameters(
                request, allowed: ["project", "milestone", "channel", "state", "since", "limit"]
            )
            var filter = LogFilter(
                projectID: try query.string("project"), milestoneID: try query.string("milestone"),
                channel: try query.string("channel"), limit: try query.positiveInt("limit")
            )
            filter.state = try query.state("state", try query.string("state"), as: LogState.self)
            if let since = try query.string("since") {
                let zone = try await loadedConfiguration().calendar.timeZone
                guard let instant = SinceParser.instant(since, now: now(), zone: zone) else {
                    throw APIError(
                        .badRequest, "query parameter 'since' must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z"
                    )
                }
                filter.since = instant
            }
            return JSONResponse.make(LogReport.json(try store.timeline(filter)))
        }
    }
}
