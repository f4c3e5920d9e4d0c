import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `POST /api/v1/deliveries/{id}/replay` with an optional body `{"by": NAME}`: sends the delivery's message again
    /// as a new delivery (same message id, fresh attempts, due now) and wakes the dispatcher; 202 with the new
    /// delivery. 404 for an unknown id, 409 when the message already waits to go to that channel.
    func addReplay(to api: RouterGroup<ServerRequestContext>) {
        api.post("deliveries/:id/replay") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let text = context.parameters.decoded("id")
            guard let id = Int64(text), id > 0 else {
                throw APIError(.badRequest, "delivery id must be a positive integer, not '\(text)'")
            }
            let by = try await JSONBody(
                request, allowed: ["by"], limit: await bodyLimit(), emptyAllowed: true
            ).string("by")
            let outcome: HeraldStore.ReplayOutcome
            do {
                outcome = try store.replay(deliveryID: id, by: by, now: now())
            } catch let error as HeraldStoreError where error == .unknownDelivery(id) {
                throw APIError(.notFound, "unknown delivery \(id)")
            }
            switch outcome {
            case .queued(let replay):
                operations.wakeDispatcher()
                return JSONResponse.make(DeliveryReport.json(replay), status: .accepted)
            case .alreadyWaiting(let waiting):
                let which = waiting.id == id ? "delivery \(id) is" : "its message waits in delivery \(waiting.id),"
                throw APIError(.conflict, "\(which) \(waiting.state.rawValue) already")
            }
        }
    }
}
