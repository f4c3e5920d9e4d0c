/// What a template can say about one of a message's milestones beyond the message itself: what is needed, what it
/// depends on and what a slip delays, its baseline and slip, and its owner's name. Worked out where the message is
/// composed, and only for a kind that has a template.
public struct TemplateDetails: Hashable, Sendable {
    /// The deliverables, as the project file lists them.
    public var deliverables: [String]
    /// The milestones it depends on, each named `Title · Project` (as the project file writes them without a
    /// dependency graph).
    public var dependsOn: [String]
    /// What a slip delays, and whether it is on the critical path.
    public var downstream: Downstream
    /// The baseline due date, if any.
    public var baseline: CivilDate?
    /// Business days the due date lies behind the baseline; 0 when it does not.
    public var slipDays: Int
    /// The owner's name (the key when the person has none).
    public var ownerName: String

    /// Creates details from values already worked out.
    public init(
        deliverables: [String], dependsOn: [String], downstream: Downstream, baseline: CivilDate?, slipDays: Int,
        ownerName: String
    ) {
        self.deliverables = deliverables
        self.dependsOn = dependsOn
        self.downstream = downstream
        self.baseline = baseline
        self.slipDays = slipDays
        self.ownerName = ownerName
    }

    /// The details of `milestone`: its dependencies and what it blocks read from `graph` when given (without one,
    /// `depends_on` as written and nothing blocked), projects named by `projectName` (given a project id), the slip
    /// counted on `calendar`.
    public init(
        of milestone: Milestone, graph: DependencyGraph?, calendar: BusinessCalendar, ownerName: String,
        projectName: (String) -> String
    ) {
        let key = milestone.key
        let dependsOn = graph.map { graph in
            graph.dependencies(of: key).compactMap(graph.milestone).map {
                MessageText.subject($0.title, projectName($0.projectID))
            }
        }
        self.init(
            deliverables: milestone.deliverables, dependsOn: dependsOn ?? milestone.dependsOn,
            downstream: graph.map { Downstream(of: key, in: $0, projectName: projectName) } ?? .none,
            baseline: milestone.baseline,
            slipDays: max(milestone.baseline.map { calendar.businessDays(from: $0, to: milestone.due) } ?? 0, 0),
            ownerName: ownerName
        )
    }
}
