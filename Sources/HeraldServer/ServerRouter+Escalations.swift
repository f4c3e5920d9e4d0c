import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /api/v1/escalations` (open ones; `?all=true` for every one, newest first) and
    /// `POST /api/v1/escalations/{id}/ack` with `{"by": NAME, "note": TEXT}`: 200 with the acknowledged escalation,
    /// 404 for an unknown id, 409 when it was already closed.
    func addEscalations(to api: RouterGroup<ServerRequestContext>) {
        api.get("escalations") { request, _ in
            let all = try QueryParameters(request, allowed: ["all"]).bool("all", default: false)
            return JSONResponse.make(EscalationReport.json(try store.escalations(states: all ? nil : [.open])))
        }
        api.post("escalations/:id/ack") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = context.parameters.decoded("id")
            let body = try await JSONBody(request, allowed: ["by", "note"], limit: await bodyLimit())
            guard let by = try body.string("by") else { throw APIError(.badRequest, "field 'by' is required") }
            let note = try body.string("note")
            let outcome: HeraldStore.AcknowledgeOutcome
            do {
                outcome = try store.acknowledge(escalationID: id, by: by, note: note, at: now())
            } catch let error as HeraldStoreError where error == .unknownEscalation(id) {
                throw APIError(.notFound, "unknown escalation '\(id)'")
            }
            switch outcome {
            case .acknowledged(let record):
                return JSONResponse.make(EscalationReport.json(record))
            case .alreadyClosed(let record):
                throw APIError(.conflict, "escalation '\(id)' is already \(record.state.rawValue)")
            }
        }
    }
}
