import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// The largest login form read; a larger one is answered 413.
    static let maximumLoginSize = 4096

    /// `GET /`: the dashboard for a browser holding the cookie of an open session, else the login form; `POST /login`
    /// (form field `token`, compared in constant time with `api_token`) opens a new session, sets its cookie and
    /// answers 303 to `/`, or 401 with the form again (429 for a while after ten wrong tokens from one client address
    /// within a minute); `POST /logout` ends the session and clears the cookie. Without an `api_token` (or with an
    /// empty one) the dashboard is disabled (403), never open. Every answer, errors included, is an HTML page.
    func addDashboard(to router: Router<ServerRequestContext>) {
        router.get("/") { request, context in
            await htmlPage(context) { try await dashboard(request) }
        }
        router.post("login") { request, context in
            await htmlPage(context) { try await login(request, context: context) }
        }
        router.post("logout") { request, context in
            await htmlPage(context) {
                let (configuration, session) = try await dashboardSession()
                if let cookie = request.cookies[DashboardSession.cookieName]?.value { try session.close(cookie) }
                let secure = configuration.server.map(Self.isSecure) ?? false
                return Self.redirect(to: "/", setting: DashboardSession.clearingCookie(secure: secure))
            }
        }
    }

    /// Whether `request` carries the cookie of an open dashboard session (never without an `api_token`).
    func hasDashboardSession(_ request: Request) async throws -> Bool {
        guard let cookie = request.cookies[DashboardSession.cookieName]?.value,
              let token = await configuration()?.server?.apiToken?.value
        else { return false }
        return try DashboardSession(token: token, store: store).isOpen(cookie, now: now())
    }

    private func dashboard(_ request: Request) async throws -> Response {
        let (configuration, session) = try await dashboardSession()
        guard let cookie = request.cookies[DashboardSession.cookieName]?.value,
              try session.isOpen(cookie, now: now())
        else { return HTMLResponse.make(DashboardPage.login(error: nil)) }
        let projects = try store.projects()
        let filter = try DashboardFilter(request, projects: projects, channels: Set(configuration.channels.keys),
            people: Set(configuration.people.keys)
        )
        let facts = try milestoneFacts(in: configuration)
        let page = DashboardPage(
            zone: configuration.calendar.timeZone, now: now(),
            projects: projects.map { DashboardPage.ProjectView(project: $0, milestones: facts[$0.id] ?? []) },
            escalations: try store.escalations(states: [.open, .acknowledged])
                .filter { $0.state == .open || !$0.rearmed },
            policyLevels: configuration.escalations.mapValues(\.levels.count),
            events: try store.timeline(filter.logFilter).reversed(),
            filter: filter, channels: configuration.channels.keys.sorted(),
            names: configuration.people.mapValues(\.name), pauses: try store.channelPauses(at: now())
        )
        return HTMLResponse.make(page.html)
    }

    private func login(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let (configuration, session) = try await dashboardSession()
        let client = ClientAddress.resolve(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: Self.forwardedFor],
            trusted: configuration.server?.trustedProxies ?? []
        )
        if let seconds = loginThrottle.retryAfter(for: client, now: now()) {
            let page = DashboardPage.login(error: "Too many wrong tokens: try again in \(seconds) s.")
            var response = HTMLResponse.make(page, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        let form = try await FormBody(request, limit: Self.maximumLoginSize, what: "the login form")
        guard let given = form["token"],
              ConstantTime.equal(given, session.token)
        else {
            loginThrottle.recordFailure(for: client, now: now())
            return HTMLResponse.make(DashboardPage.login(error: "Wrong API token."), status: .unauthorized)
        }
        let secure = configuration.server.map(Self.isSecure) ?? false
        return Self.redirect(to: "/", setting: try session.open(now: now(), secure: secure))
    }

    /// The configuration (503 without one) and the session signer (403 when no `api_token` is
    /// configured).
    private func dashboardSession() async throws -> (Configuration, DashboardSession) {
        let configuration = try await loadedConfiguration()
        guard let token = configuration.server?.apiToken?.value else {
            throw APIError(.forbidden, "The dashboard is disabled: the server has no api_token configured.")
        }
        return (configuration, DashboardSession(token: token, store: store))
    }

    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// Runs `body`, answering an ``APIError`` as an HTML page with its status and message, and any other error as
    /// a 500 page whose detail goes to the log.
    private func htmlPage(_ context: ServerRequestContext, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            let title = error.status.code == 400 ? "Bad filter" : error.status.reasonPhrase
            return HTMLResponse.make(DashboardPage.notice(title, error.message), status: error.status)
        } catch {
            context.logger.error("dashboard failed", metadata: ["error": "\(error)"])
            return HTMLResponse.make(
                DashboardPage.notice("Error", "The dashboard could not be read."), status: .internalServerError
            )
        }
    }

    private static func redirect(to location: String, setting cookie: Cookie) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        response.setCookie(cookie)
        return response
    }

    /// Whether browsers reach the server over https (`public_url`), so the cookie must be `Secure`.
    private static func isSecure(_ server: ServerSettings) -> Bool {
        server.publicURL?.lowercased().hasPrefix("https://") ?? false
    }
}
