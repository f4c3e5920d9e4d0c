import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport

/// Rule evaluation over a large portfolio (`milestoneCount` milestones in projects of 100, `ruleCount` scheduled
/// rules, rule states as one earlier tick left them), and the time from one API change of a milestone to its
/// announcement committed in the outbox, with the store holding the whole portfolio.
func engineBench(milestoneCount: Int, ruleCount: Int) async throws {
    let calendar = BusinessCalendar(
        timeZone: TimeZone(identifier: "Europe/London")!, holidays: [CivilDate(iso: "2026-12-25")!]
    )
    let today = CivilDate(iso: "2026-12-01")! // a Tuesday
    let now = calendar.instant(of: today, minuteOfDay: 600)
    var random = SplitMix64(seed: 2026)
    let portfolio = BenchPortfolio(milestoneCount: milestoneCount, today: today, now: now, random: &random)
    let configuration = Configuration(
        file: "bench.yaml", stateDirectory: "", projectsDirectory: "", calendar: calendar,
        people: portfolio.people, audiences: ["pmo": Audience(key: "pmo", members: ["p0", "p1"], channels: ["ch7"])],
        channels: Dictionary(
            uniqueKeysWithValues: (0..<8).map { ("ch\($0)", Channel(name: "ch\($0)", kind: .console)) }
        ),
        rules: try benchRules(count: ruleCount) + changeRules(), projects: portfolio.projects
    )
    let engine = RuleEngine(configuration: configuration)

    // Rule states as the previous business day's tick left them: once-rules already fired, repeats due again.
    let yesterday = engine.evaluate(milestones: portfolio.tracked, states: [:], now: now - 86_400)
    let states = Dictionary(yesterday.ruleStates.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })

    var decisions = EngineDecisions()
    let first = await seconds { decisions = engine.evaluate(milestones: portfolio.tracked, states: states, now: now) }
    var passes: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<7 {
        let cpuBefore = processCPUSeconds()
        passes.append(await seconds { _ = engine.evaluate(milestones: portfolio.tracked, states: states, now: now) })
        cpu.append(processCPUSeconds() - cpuBefore)
    }
    let median = passes.sorted()[passes.count / 2]
    let evaluationPeak = peakResidentMegabytes()

    // One change to outbox: the store holds the portfolio; each API change runs the change rules in its transaction.
    let directory = try TemporaryDirectory(prefix: "herald-engine-bench")
    defer { directory.remove() }
    let store = try HeraldStore(directory: directory.path)
    let importSeconds = try await seconds {
        try store.apply(projects: portfolio.projects, source: { "file:\($0.id).yaml" }, at: now - 7 * 86_400)
    }
    let changeCount = 250
    var latencies: [Double] = []
    var announcements = 0
    // As in the daemon, the write-ahead log is checkpointed off the commit path; here ten times as often.
    let checkpointing = Task.detached {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            _ = try? store.checkpoint()
        }
    }
    defer { checkpointing.cancel() }
    for index in 0..<changeCount {
        var milestone = portfolio.projects[(index * 7919) % portfolio.projects.count].milestones[index % 100]
        if index.isMultiple(of: 2) {
            milestone.status = milestone.status == .done ? .inProgress : .done
        } else {
            milestone.due = milestone.due.adding(days: 7)
        }
        let at = now + Double(index)
        let start = ContinuousClock.now
        try store.apply(milestone: milestone, source: "api", at: at) { changes in
            let decided = engine.evaluate(changes: changes, updatedAt: at)
            announcements += decided.messages.count
            return decided
        }
        latencies.append((ContinuousClock.now - start).seconds * 1000)
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }

    let evaluations = portfolio.tracked.count * ruleCount
    print("milestones:                \(portfolio.tracked.count) in \(portfolio.projects.count) projects, "
        + "\(ruleCount) scheduled rules, \(states.count) rule states from the previous tick")
    print(String(format: "full evaluation:           median %.3f s of %d passes (first %.3f s), %d messages a pass",
                 median, passes.count, first, decisions.messages.count))
    print(String(format: "CPU time per pass:         median %.3f s (all threads; the machine's other load excluded)",
                 cpu.sorted()[cpu.count / 2]))
    print("milestone×rule evaluations: \(rate(evaluations, median))")
    print(String(format: "import into the store:     %.1f s (history rows included)", importSeconds))
    print(String(format: "one change to outbox:      p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                     + "(%d API changes, %d announcements committed)",
                 percentile(0.5), percentile(0.99), latencies.last ?? .nan, changeCount, announcements))
    print(String(format: "peak resident memory:      %.1f MB after evaluation, %.1f MB at the end",
                 evaluationPeak, peakResidentMegabytes()))
}

/// The scheduled rules, cycled (with numbered names) when more than twelve are asked for.
private func benchRules(count: Int) throws -> [Rule] {
    let open = #"status not in ["done", "cancelled"]"#
    let day = RepeatPolicy.every(.businessDays(1))
    let twelve: [(String, String, [Recipient], RepeatPolicy)] = [
        ("due-soon", "\(open) and business_days_until_due <= 3 and business_days_until_due >= 0", [.owner], day),
        ("due-today", "\(open) and days_until_due == 0", [.owner, .manager], .once),
        ("overdue", "\(open) and days_overdue >= 1", [.owner, .manager], day),
        ("long-overdue", "\(open) and business_days_overdue >= 10", [.sponsor], .every(.businessDays(5))),
        ("slipping", "slip_days >= 5 and \(open)", [.manager], .once),
        ("critical-soon",
         #"critical and status in ["planned", "at_risk", "blocked"] and business_days_until_due <= 10"#,
         [.manager, .sponsor], .every(.businessDays(2))),
        ("blocked", #"status == "blocked" and days_since_update >= 2"#, [.manager], day),
        ("critical-at-risk", #"critical and status == "at_risk""#, [.sponsor, .audience("pmo")], .once),
        ("infra-week", #"labels.team == "infra" and business_days_until_due >= 0 and business_days_until_due <= 5"#
            + #" and status != "done""#, [.channel("ch7")], .once),
        ("stale", #"status in ["planned", "in_progress"] and days_since_update >= 30 and days_until_due <= 30"#,
         [.owner], .every(.businessDays(5))),
        ("moved-often", "times_moved >= 3 and moved_days > 0 and \(open)", [.manager], .once),
        ("on-hold-long", #"status == "on_hold" and previous.status == null and status_changed_at < 2026-11-01"#,
         [.manager], .every(.businessDays(5))),
    ]
    return try (0..<count).map { index in
        let (name, when, recipients, policy) = twelve[index % twelve.count]
        return Rule(
            name: index < twelve.count ? name : "\(name)-\(index / twelve.count)",
            condition: try RuleExpression.compile(when), action: .notify(recipients), repeatPolicy: policy
        )
    }
}

/// The change rules an API change runs: completions and large moves are announced.
private func changeRules() throws -> [Rule] {
    [
        Rule(name: "completed", trigger: .change(.statusChanged), condition: try RuleExpression.compile(
            #"status == "done""#), action: .notify([.manager, .audience("pmo")])),
        Rule(name: "reopened", trigger: .change(.statusChanged), condition: try RuleExpression.compile(
            #"previous.status == "done""#), action: .notify([.owner, .manager])),
        Rule(name: "moved", trigger: .change(.dueChanged), condition: try RuleExpression.compile(
            "moved_days >= 3 or times_moved >= 2"), action: .notify([.owner, .manager])),
    ]
}

/// Projects of 100 milestones with a realistic spread of dates, statuses, labels and histories.
private struct BenchPortfolio {
    var people: [String: Person] = [:]
    var projects: [Project] = []
    var tracked: [TrackedMilestone] = []

    init(milestoneCount: Int, today: CivilDate, now: Date, random: inout SplitMix64) {
        let personCount = 400
        for index in 0..<personCount {
            people["p\(index)"] = Person(key: "p\(index)", name: "Person \(index)", channel: "ch\(index % 7)",
                                         mention: "<@U\(index)>")
        }
        // Most milestones past their date are done; ahead of it, most are planned or in progress.
        let past: [(MilestoneStatus, Int)] = [
            (.planned, 3), (.inProgress, 10), (.atRisk, 5), (.blocked, 4), (.onHold, 3), (.done, 70), (.cancelled, 5),
        ]
        let ahead: [(MilestoneStatus, Int)] = [
            (.planned, 40), (.inProgress, 40), (.atRisk, 8), (.blocked, 4), (.onHold, 3), (.done, 3), (.cancelled, 2),
        ]
        let teams = ["infra", "app", "data", "security"]
        for project in 0..<max(1, milestoneCount / 100) {
            var milestones: [Milestone] = []
            for index in 0..<min(100, milestoneCount - project * 100) {
                let due = today.adding(days: random.next(in: -40...120))
                let slip = random.next(in: 0...9) < 6 ? 0 : random.next(in: 1...15)
                let milestone = Milestone(
                    projectID: "prj\(project)", id: "m\(index)", title: "Milestone \(index) of project \(project)",
                    phase: ["Design", "Build", "Test", "Deploy"][index % 4],
                    owner: "p\(random.next(in: 0...(personCount - 1)))",
                    due: due, baseline: random.next(in: 0...9) < 7 ? due.adding(days: -slip) : nil,
                    status: random.pick(due < today ? past : ahead), critical: random.next(in: 0...99) < 12,
                    labels: random.next(in: 0...9) < 8 ? ["team": teams[random.next(in: 0...3)]] : [:]
                )
                milestones.append(milestone)
                let updatedAt = now - Double(random.next(in: 0...(60 * 86_400)))
                let moves = random.next(in: 0...9) < 6 ? 0 : random.next(in: 1...5)
                let history = MilestoneHistoryFacts(
                    timesMoved: moves,
                    lastMove: moves == 0 ? nil : DueMove(from: due.adding(days: -random.next(in: -5...10)), to: due),
                    statusChangedAt: updatedAt - Double(random.next(in: 0...(30 * 86_400)))
                )
                tracked.append(TrackedMilestone(milestone: milestone, updatedAt: updatedAt, history: history))
            }
            let person = { (offset: Int) in "p\((project * 3 + offset) % personCount)" }
            projects.append(Project(
                id: "prj\(project)", name: "Project \(project)", manager: person(1), sponsor: person(2),
                channel: "ch\(project % 7)", milestones: milestones, sourceFile: "prj\(project).yaml"
            ))
        }
    }
}

/// A small seeded generator, so every run builds the same portfolio.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// One of `weighted`'s values, chosen in proportion to its weight.
    mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        var ticket = next(in: 0...(weighted.reduce(0) { $0 + $1.1 } - 1))
        for (value, weight) in weighted {
            if ticket < weight { return value }
            ticket -= weight
        }
        return weighted[weighted.count - 1].0
    }
}
