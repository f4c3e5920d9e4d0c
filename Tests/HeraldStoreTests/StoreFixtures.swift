import Foundation
import HeraldCore
import HeraldStore

/// A fixed instant to count from.
let t0 = Date(timeIntervalSince1970: 1_790_000_000)

/// A fresh directory under the temporary directory.
func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

func date(_ text: String) -> CivilDate {
    CivilDate(iso: text)!
}

func milestone(
    _ id: String, project: String = "apollo", title: String? = nil, owner: String = "alice",
    due: String = "2026-12-04", status: MilestoneStatus = .inProgress
) -> Milestone {
    Milestone(
        projectID: project, id: id, title: title ?? "Title of \(id)", owner: owner, due: date(due), status: status
    )
}

func project(_ milestones: [Milestone]) -> Project {
    project("apollo", milestones)
}

func project(_ id: String, _ milestones: [Milestone]) -> Project {
    Project(
        id: id, name: "Project \(id)", manager: "bob", sponsor: "carol", channel: "eng", milestones: milestones,
        sourceFile: "\(id).yaml"
    )
}

func fileSource(_ project: Project) -> String {
    "file:\(project.id).yaml"
}

func message(
    _ id: String, at: Date = t0, project: String? = "apollo", milestones: [String] = ["design"], channel: String = "eng"
) -> OutgoingMessage {
    OutgoingMessage(
        id: id, createdAt: at, kind: .reminder, rule: "due-soon",
        project: project.map { ProjectRef(id: $0, name: "Project \($0)") },
        milestones: milestones.map {
            MilestoneRef(id: $0, title: "Title of \($0)", due: date("2026-12-04"), status: .inProgress, owner: "alice")
        },
        channel: channel, recipients: ["alice"], mentions: ["<@U1>"], text: "Message \(id)"
    )
}

func ruleState(_ rule: String, _ milestoneID: String, fireCount: Int = 1) -> RuleState {
    RuleState(
        key: RuleStateKey(rule: rule, projectID: "apollo", milestoneID: milestoneID), due: date("2026-12-04"),
        lastFiredAt: t0, nextEligibleAt: t0.addingTimeInterval(86_400), fireCount: fireCount
    )
}

extension HeraldStore {
    /// Runs a release step that releases every waiting delivery due by `now` as it is.
    @discardableResult
    func releaseAll(at now: Date) throws -> ReleasePlan {
        try release(at: now, ReleaseStep(until: now) { queue in
            var plan = ReleasePlan()
            plan.released = queue.candidates.map(\.deliveryID)
            return plan
        })
    }
}
