import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// `GET /calendar.ics` (every live project) and `GET /projects/{p}/calendar.ics`: the milestones as an
    /// iCalendar feed of all-day events (``CalendarFeed``).
    ///
    /// Calendar apps cannot send a bearer header, so a feed takes either `Authorization: Bearer TOKEN` (a wrong one
    /// is 401) or `?key=K`, the scope's key that `herald calendar-url` prints (a wrong one is 404, as if there were
    /// no such feed). Neither is 401.
    func addCalendars(to router: Router<ServerRequestContext>) {
        router.get("calendar.ics") { request, _ in
            try await calendar(request, scope: .all)
        }
        router.get("projects/:project/calendar.ics") { request, context in
            try await calendar(request, scope: .project(context.parameters.decoded("project")))
        }
    }

    private func calendar(_ request: Request, scope: CalendarScope) async throws -> Response {
        let key = try QueryParameters(request, allowed: ["key"]).string("key")
        let configuration = try await loadedConfiguration()
        let token = configuration.server?.apiToken?.value
        try authorizeCalendar(request, key: key, scope: scope, token: token, serverKey: await serverKey())
        var projects = try store.projects()
        var name = "Herald milestones"
        if case .project(let id) = scope {
            projects = projects.filter { $0.id == id }
            guard let project = projects.first else { throw APIError(.notFound, "unknown project '\(id)'") }
            name = "\(project.name) milestones"
        }
        let ids = Set(projects.map(\.id))
        let content = CalendarFeed.Content(
            name: name, projects: projects,
            milestones: try store.trackedMilestones().filter { ids.contains($0.milestone.projectID) },
            people: configuration.people, calendar: configuration.calendar,
            publicURL: configuration.server?.publicURL
        )
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: CalendarFeed.ics(content, now: now())))
        )
    }

    /// Lets the request through with the right bearer token or the scope's key; throws 401 or 404 otherwise.
    private func authorizeCalendar(
        _ request: Request, key: String?, scope: CalendarScope, token: String?, serverKey: ServerKey?
    ) throws {
        if let header = request.headers[.authorization] {
            guard let token, ConstantTime.isBearer(header, token) else {
                throw APIError(.unauthorized, "wrong bearer token")
            }
            return
        }
        guard let key else { throw APIError(.unauthorized, "a bearer token or ?key= is required") }
        guard let serverKey, CalendarLink.isValid(key, for: scope, with: serverKey) else {
            throw APIError(.notFound, "no such calendar")
        }
    }
}
