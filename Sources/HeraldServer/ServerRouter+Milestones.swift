import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `PATCH /api/v1/projects/{p}/milestones/{m}` with any of `{"status", "due", "owner", "note"}` (at least one)
    /// and optionally `by` (who makes the change, a person key or a free name): applied through the runtime with
    /// history source `api` and actor `by` (the change rules fire, the rules run at once), and answered with the
    /// milestone as `GET /api/v1/projects/{p}` shows it. 404 for an unknown project or milestone; 400 naming the field
    /// for an unknown field, a wrong type, an unknown status, a `due` that is neither `YYYY-MM-DD` nor a date-time with
    /// offset, an owner who is not a configured person, or text (`note`, `by`) that breaks ``FreeText``'s rule; nothing
    /// is changed then.
    func addMilestoneUpdates(to api: RouterGroup<ServerRequestContext>) {
        api.patch("projects/:project/milestones/:milestone") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let parameters = context.parameters
            let key = MilestoneKey(
                projectID: parameters.decoded("project"), milestoneID: parameters.decoded("milestone")
            )
            _ = try trackedMilestone(key)
            let configuration = try await loadedConfiguration()
            let update = try Self.update(
                from: try await JSONBody(
                    request, allowed: ["status", "due", "owner", "note", "by"], limit: await bodyLimit()
                ),
                people: configuration.people, zone: configuration.calendar.timeZone
            )
            do {
                _ = try await changeActions().update(key, with: update, source: "api")
            } catch let error as ServerActionError {
                throw APIError(error.isNotFound ? .notFound : .badRequest, error.description)
            }
            let all = try milestoneFacts(in: configuration)
            let facts = all[key.projectID]?.first { $0.milestone.id == key.milestoneID }
            guard let facts else { throw APIError(.notFound, "milestone '\(key.milestoneID)' is gone") }
            return JSONResponse.make(MilestoneItem(facts, graph: Self.dependencyGraph(all)))
        }
    }

    /// The stored milestone `key`; 404 naming the unknown project or milestone.
    func trackedMilestone(_ key: MilestoneKey) throws -> TrackedMilestone {
        let milestones = try store.trackedMilestones().filter { $0.milestone.projectID == key.projectID }
        if let tracked = milestones.first(where: { $0.milestone.id == key.milestoneID }) { return tracked }
        guard try store.projects().contains(where: { $0.id == key.projectID }) else {
            throw APIError(.notFound, "unknown project '\(key.projectID)'")
        }
        throw APIError(.notFound, "unknown milestone '\(key.milestoneID)' in project '\(key.projectID)'")
    }

    /// The runtime's actions; 503 when the server runs without one.
    func changeActions() throws -> any ServerActions {
        guard let actions else { throw APIError(.serviceUnavailable, "changes need the running daemon") }
        return actions
    }

    /// The update a PATCH body asks for; 400 naming the first bad field.
    private static func update(
        from body: JSONBody, people: [String: Person], zone: TimeZone
    ) throws -> MilestoneUpdate {
        var update = MilestoneUpdate(note: try body.string("note"))
        if let text = try body.string("status") {
            guard let status = MilestoneStatus(rawValue: text) else {
                let known = MilestoneStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "field 'status': unknown status '\(text)' (\(known))")
            }
            update.status = status
        }
        if let text = try body.string("due") {
            guard let due = Deadline(text, in: zone) else {
                throw APIError(
                    .badRequest,
                    "field 'due' must be a date like 2026-12-11 or a date-time with offset like "
                        + "2026-12-11T17:00:00+01:00, not '\(text)'"
                )
            }
            update.due = due
        }
        if let owner = try body.string("owner") {
            guard people[owner] != nil else {
                throw APIError(.badRequest, "field 'owner': unknown person '\(owner)'")
            }
            update.owner = owner
        }
        guard update != MilestoneUpdate() else {
            throw APIError(.badRequest, "give at least one of 'status', 'due', 'owner', 'note'")
        }
        update.by = try body.string("by")
        return update
    }
}
