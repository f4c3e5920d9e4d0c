import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/projects/{p}/milestones/{m}/history`: the milestone's changes, acknowledgements and snoozes as
    /// `herald history P/M --json` prints them, oldest first:
    /// `[{"at", "milestone", "field", "from", "to", "source", "actor", "note"}]`. 404 for a project or milestone the
    /// store has no history of.
    func addHistory(to api: RouterGroup<ServerRequestContext>) {
        api.get("projects/:project/milestones/:milestone/history") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let parameters = context.parameters
            do {
                let report = try HistoryReport(
                    store: store, projectID: parameters.decoded("project"),
                    milestoneID: parameters.decoded("milestone")
                )
                return JSONResponse.make(report.json)
            } catch let error as HistoryReport.UnknownTarget {
                throw APIError(.notFound, error.description)
            }
        }
    }
}
