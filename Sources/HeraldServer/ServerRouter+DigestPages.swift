import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// `GET /digests/{name}/{time}?token=T`: the report digest `name` stored for its run at `time`
    /// (`2026-11-30T09:00:00Z`, as ``DigestLinks`` writes it) as an HTML page with the privacy headers of every page,
    /// the target of the digests' "Full digest" link.
    ///
    /// The credential is the link's signed token (``DigestToken``, naming this run) or the cookie of an open
    /// dashboard session. A missing, forged or garbled token, a token for another run, and a run that does not exist
    /// are all the same 404 page, telling nothing more; an expired token is a 410 page.
    func addDigestPages(to router: Router<ServerRequestContext>) {
        router.get("digests/:name/:time") { request, context in
            let token = try QueryParameters(request, allowed: ["token"]).choice("token")
            let name = context.parameters.decoded("name")
            guard let time = RFC3339.instant(context.parameters.decoded("time")) else {
                return Self.unknownDigestPage
            }
            let hasSession = try await hasDashboardSession(request)
            if !hasSession {
                guard let token, let key = await serverKey() else { return Self.unknownDigestPage }
                switch DigestToken.verify(token, key: key, now: now()) {
                case .valid(let valid) where valid.name == name && valid.at == time:
                    break
                case .expired(let expired) where expired.name == name && expired.at == time:
                    return HTMLResponse.make(
                        DashboardPage.notice("This link has expired", "Digest links work for a limited time."),
                        status: .gone
                    )
                default:
                    return Self.unknownDigestPage
                }
            }
            let key = ISO8601.string(time)
            guard var report = try store.digestRuns(name: name).last(where: { ISO8601.string($0.report.at) == key })?
                .report
            else { return Self.unknownDigestPage }
            report.link = nil
            return HTMLResponse.make(EmailBody.html(for: report, title: DigestWording.title(report)))
        }
    }

    private static var unknownDigestPage: Response {
        HTMLResponse.make(
            DashboardPage.notice("Unknown digest", "This digest link is not valid. Check that it was copied whole."),
            status: .notFound
        )
    }
}
