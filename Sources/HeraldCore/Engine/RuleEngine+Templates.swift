extension RuleEngine {
    /// The details a `kind` template reads about `milestone` (see ``TemplateDetails``), its dependencies and what it
    /// blocks from `graph` when given; none when `kind` has no template, so that nothing is worked out for nobody.
    func templateDetails(_ kind: MessageKind, of milestone: Milestone, graph: DependencyGraph? = nil)
        -> [TemplateDetails] {
        guard configuration.templates.hasTemplate(for: kind) else { return [] }
        return [TemplateDetails(
            of: milestone, graph: graph, calendar: configuration.calendar,
            ownerName: personNames[milestone.owner] ?? milestone.owner
        ) { projects[$0]?.name ?? $0 }]
    }
}
