import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/deliveries`: newest first, as `herald deliveries --json` prints them, filtered by `state`
    /// (comma-separated), `channel` and `limit` (default 100).
    func addDeliveries(to api: RouterGroup<ServerRequestContext>) {
        api.get("deliveries") { request, _ in
            let query = try QueryParameters(request, allowed: ["state", "channel", "limit"])
            var states: Set<DeliveryState>?
            if let text = try query.string("state") {
                states = try Set(text.split(separator: ",", omittingEmptySubsequences: false).compactMap { name in
                    try query.state("state", String(name), as: DeliveryState.self)
                })
            }
            let deliveries = try store.deliveries(
                states: states, channel: try query.string("channel"), limit: try query.positiveInt("limit") ?? 100
            )
            return JSONResponse.make(DeliveryReport.json(deliveries))
        }
    }
}
