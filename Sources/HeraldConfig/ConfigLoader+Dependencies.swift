import HeraldCore

extension ConfigLoader {
    /// Checks every `depends_on` item across projects, once all project files are read: an item naming no declared
    /// milestone is an error at the item; a loop is an error naming it, at the item of its first milestone that
    /// names the second; an open milestone that depends on an open one due later is a warning at the item.
    static func checkDependencies(of projects: [Project], items: DependencyItems, sink: DiagnosticSink) {
        let graph = DependencyGraph(milestones: projects.flatMap(\.milestones))
        for item in items.items {
            guard items.declared.contains(item.target) else {
                sink.error("unknown milestone '\(item.reference)' in depends_on", file: item.file, at: item.mark)
                continue
            }
            guard let successor = graph.milestone(item.from), let predecessor = graph.milestone(item.target),
                  !successor.status.isClosed, !predecessor.status.isClosed, predecessor.due > successor.due
            else { continue }
            sink.warning(
                "\(item.target) is due \(predecessor.due), after \(item.from) that depends on it "
                    + "(due \(successor.due))",
                file: item.file, at: item.mark
            )
        }
        for loop in graph.cycles {
            // Every link of the graph comes from an item, so the loop's first one is found.
            guard let item = items.items.first(where: { $0.from == loop[0] && $0.target == loop[1] }) else { continue }
            sink.error(
                "dependency cycle: \(Self.words(loop)) (each depends on the next)", file: item.file, at: item.mark
            )
        }
    }

    /// At most this many milestones of a loop are named before the rest is counted.
    private static let loopNamed = 10

    /// `apollo/a → apollo/b → dcm/c → apollo/a`; a longer loop names its first ten milestones, counts the others and
    /// ends with its last link (`… 19989 more … → big/m1 → big/m0`), so a loop of 20,000 is one readable line.
    private static func words(_ loop: [MilestoneKey]) -> String {
        let names = loop.map(\.description)
        guard names.count > loopNamed + 2 else { return names.joined(separator: " → ") }
        let hidden = names.count - loopNamed - 2
        return (names.prefix(loopNamed) + ["… \(hidden) more …"] + names.suffix(2)).joined(separator: " → ")
    }
}
