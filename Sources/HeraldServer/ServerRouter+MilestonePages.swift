import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

extension ServerRouter {
    /// `GET /milestones/{project}/{milestone}?token=T`: the milestone's page (``MilestonePage``) with the privacy
    /// headers of every page, the target of a message's "Milestone page" link.
    ///
    /// The credential is the link's signed token (``MilestoneToken``, naming this milestone) or the cookie of an
    /// open dashboard session. A missing, forged or garbled token, a token for another milestone, and a milestone
    /// that does not exist are all the same 404 page, telling nothing more; an expired token is a 410 page.
    func addMilestonePages(to router: Router<ServerRequestContext>) {
        router.get("milestones/:project/:milestone") { request, context in
            let token = try QueryParameters(request, allowed: ["token"]).choice("token")
            let key = MilestoneKey(
                projectID: context.parameters.decoded("project"), milestoneID: context.parameters.decoded("milestone")
            )
            if try await !hasDashboardSession(request) {
                guard let token, let serverKey = await serverKey() else { return Self.unknownMilestonePage }
                switch MilestoneToken.verify(token, key: serverKey, now: now()) {
                case .valid(let valid) where valid.key == key:
                    break
                case .expired(let expired) where expired.key == key:
                    return HTMLResponse.make(
                        DashboardPage.notice("This link has expired", "Milestone page links work for a limited time."),
                        status: .gone
                    )
                default:
                    return Self.unknownMilestonePage
                }
            }
            guard let configuration = await configuration(), let page = try milestonePage(key, configuration) else {
                return Self.unknownMilestonePage
            }
            return HTMLResponse.make(page.html)
        }
    }

    /// The page of `key` as the store has it now; nil when it has no such live milestone.
    private func milestonePage(_ key: MilestoneKey, _ configuration: Configuration) throws -> MilestonePage? {
        let tracked = try store.trackedMilestones()
        guard let this = tracked.first(where: { $0.milestone.key == key }) else { return nil }
        let calendar = configuration.calendar
        let facts = MilestoneFacts(
            milestone: this.milestone, updatedAt: this.updatedAt, today: CivilDate(now(), in: calendar.timeZone),
            calendar: calendar, history: this.history
        )
        let escalation = try store.escalations(states: [.open, .acknowledged])
            .first { $0.key.projectID == key.projectID && $0.key.milestoneID == key.milestoneID && !$0.rearmed }
        let projects = try store.projects()
        let projectNames = Dictionary(projects.map { ($0.id, $0.name) }, uniquingKeysWith: { old, _ in old })
        return MilestonePage(
            facts: facts, graph: DependencyGraph(milestones: tracked.map(\.milestone)), projectNames: projectNames,
            names: configuration.people.mapValues(\.name),
            escalation: escalation.map { ($0, configuration.escalations[$0.policy]?.levels.count) },
            history: try store.history(projectID: key.projectID, milestoneID: key.milestoneID).reversed(),
            zone: calendar.timeZone
        )
    }

    private static var unknownMilestonePage: Response {
        HTMLResponse.make(
            DashboardPage.notice(
                "Unknown milestone", "This milestone link is not valid. Check that it was copied whole."
            ),
            status: .notFound
        )
    }
}
