/// The `depends_on` links between the milestones of every project, keyed by ``MilestoneKey``: what each milestone
/// depends on, what it blocks, the loops, and each project's critical path.
///
/// A `depends_on` item names a milestone of the same project (`landing-zone`) or of any project
/// (`dcm/landing-zone`), see ``MilestoneKey/init(reference:from:)``; an item naming no milestone in the graph is
/// left out (the config check reports it). A milestone *blocks* every milestone that depends on it, directly or
/// through others, in any project.
///
/// **Critical path.** Milestones have due dates, not durations, so a project's critical path is the chain that
/// decides its latest finish, walked back from it:
/// 1. it ends at the project's milestone with the latest due date (of several, the last in the project file);
/// 2. each step goes back to the *driving* predecessor: of the milestones the current one depends on, the one due
///    last (of several, the first in `depends_on`), in whichever project it is;
/// 3. it stops at a milestone that depends on nothing, or before one already on the chain (a loop).
///
/// Cancelled milestones take no part: they neither end a chain nor drive one. A milestone is on the critical path
/// when it lies on any project's chain, so a milestone of `dcm` that drives `apollo`'s finish is on it.
///
/// Every walk is iterative and visits each milestone at most once, so a graph of 100,000 milestones or a chain of
/// 20,000 needs no deep stack.
public struct DependencyGraph: Sendable {
    private let milestones: [Milestone]
    private let index: [MilestoneKey: Int]
    /// What each milestone depends on, in `depends_on` order, without repeats.
    private let dependencies: [[Int]]
    /// What depends on each milestone directly, in milestone order.
    private let dependents: [[Int]]
    /// Each milestone's place in the order of due date, then key: what `blocks` sorts by.
    private let rank: [Int]
    /// Each project's critical path, from its start to its latest finish.
    private let paths: [String: [Int]]
    private let critical: Set<Int>

    /// The graph of `milestones` (every project's, in file order); a repeated key keeps its first milestone.
    public init(milestones: [Milestone]) {
        var index: [MilestoneKey: Int] = [:]
        var kept: [Milestone] = []
        for milestone in milestones where index[milestone.key] == nil {
            index[milestone.key] = kept.count
            kept.append(milestone)
        }
        var dependencies = [[Int]](repeating: [], count: kept.count)
        var dependents = [[Int]](repeating: [], count: kept.count)
        for (node, milestone) in kept.enumerated() {
            var seen = Set<Int>()
            for reference in milestone.dependsOn {
                guard let other = index[MilestoneKey(reference: reference, from: milestone.projectID)],
                      seen.insert(other).inserted else { continue }
                dependencies[node].append(other)
                dependents[other].append(node)
            }
        }
        self.milestones = kept
        self.index = index
        self.dependencies = dependencies
        self.dependents = dependents
        var rank = [Int](repeating: 0, count: kept.count)
        let order = kept.indices.sorted { (kept[$0].due, kept[$0].key) < (kept[$1].due, kept[$1].key) }
        for (place, node) in order.enumerated() { rank[node] = place }
        self.rank = rank
        let paths = Self.criticalPaths(kept, dependencies: dependencies)
        self.paths = paths
        critical = Set(paths.values.joined())
    }

    /// The milestone `key` names, when the graph has it.
    public func milestone(_ key: MilestoneKey) -> Milestone? {
        index[key].map { milestones[$0] }
    }

    /// What `key` depends on directly, in `depends_on` order (items naming no milestone left out).
    public func dependencies(of key: MilestoneKey) -> [MilestoneKey] {
        guard let node = index[key] else { return [] }
        return dependencies[node].map { milestones[$0].key }
    }

    /// Every milestone that depends on `key`, directly or through others, across projects, by due date (then key);
    /// never `key` itself, even in a loop.
    public func blocks(_ key: MilestoneKey) -> [MilestoneKey] {
        guard let start = index[key] else { return [] }
        var seen: Set<Int> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            for next in dependents[queue[head]] where seen.insert(next).inserted { queue.append(next) }
            head += 1
        }
        return queue.dropFirst().sorted { rank[$0] < rank[$1] }.map { milestones[$0].key }
    }

    /// True when `key` lies on a project's critical path (see the type's description).
    public func isOnCriticalPath(_ key: MilestoneKey) -> Bool {
        index[key].map(critical.contains) ?? false
    }

    /// Project `projectID`'s critical path, from its first milestone to the one due last; empty for a project
    /// without open or done milestones.
    public func criticalPath(of projectID: String) -> [MilestoneKey] {
        (paths[projectID] ?? []).map { milestones[$0].key }
    }

    /// Every loop of `depends_on`, one for each set of milestones that depend on each other: its milestones in
    /// order, each depending on the next, starting and ending with the smallest key of the loop
    /// (`apollo/a, apollo/b, dcm/c, apollo/a`). Sorted by that key.
    public var cycles: [[MilestoneKey]] {
        Self.components(dependencies).compactMap(loop).sorted { $0[0] < $1[0] }
    }

    /// A shortest loop through the smallest key of `component`, found breadth first inside it; nil for a single
    /// milestone that does not depend on itself.
    private func loop(in component: [Int]) -> [MilestoneKey]? {
        guard let start = component.min(by: { milestones[$0].key < milestones[$1].key }) else { return nil }
        let members = Set(component)
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in dependencies[node] where members.contains(next) {
                if next == start {
                    var chain = [node]
                    while let previous = parent[chain[chain.count - 1]] { chain.append(previous) }
                    return ([start] + chain.reversed().dropFirst() + [start]).map { milestones[$0].key }
                }
                guard parent[next] == nil else { continue }
                parent[next] = node
                queue.append(next)
            }
        }
        return nil
    }

    /// The strongly connected components of `edges` (Tarjan's algorithm, with an explicit stack).
    private static func components(_ edges: [[Int]]) -> [[Int]] {
        var order = [Int](repeating: -1, count: edges.count)
        var low = [Int](repeating: 0, count: edges.count)
        var onStack = [Bool](repeating: false, count: edges.count)
        var stack: [Int] = []
        var work: [(node: Int, edge: Int)] = []
        var components: [[Int]] = []
        var counter = 0
        func visit(_ node: Int) {
            order[node] = counter
            low[node] = counter
            counter += 1
            stack.append(node)
            onStack[node] = true
            work.append((node, 0))
        }
        for root in edges.indices where order[root] < 0 {
            visit(root)
            while let top = work.last {
                let (node, edge) = top
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if order[next] < 0 {
                        visit(next)
                    } else if onStack[next] {
                        low[node] = min(low[node], order[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                guard low[node] == order[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component)
            }
        }
        return components
    }

    /// Each project's chain back from its latest finish through the driving predecessors, start first.
    private static func criticalPaths(_ milestones: [Milestone], dependencies: [[Int]]) -> [String: [Int]] {
        var ends: [String: Int] = [:]
        for (node, milestone) in milestones.enumerated() where milestone.status != .cancelled {
            if let end = ends[milestone.projectID], milestones[end].due > milestone.due { continue }
            ends[milestone.projectID] = node
        }
        return ends.mapValues { end in
            var chain = [end]
            var seen: Set<Int> = [end]
            var current = end
            while let driver = driver(of: current, milestones, dependencies), seen.insert(driver).inserted {
                chain.append(driver)
                current = driver
            }
            return chain.reversed()
        }
    }

    /// The predecessor of `node` due last, the first in `depends_on` of several; nil when it depends on nothing
    /// open or done.
    private static func driver(of node: Int, _ milestones: [Milestone], _ dependencies: [[Int]]) -> Int? {
        var best: Int?
        for other in dependencies[node] where milestones[other].status != .cancelled {
            if let current = best, milestones[current].due >= milestones[other].due { continue }
            best = other
        }
        return best
    }
}
