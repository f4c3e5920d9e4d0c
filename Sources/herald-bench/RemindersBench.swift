import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Logging

/// Reminders evaluated and delivered per second on the example config scaled to `milestoneCount`
/// milestones, against a signed webhook receiver on 127.0.0.1.
func remindersBench(milestoneCount: Int) async throws {
let projectCount = 10

let receiver = try TestHTTPReceiver()
let directory = try TemporaryDirectory(prefix: "herald-bench")
defer { directory.remove() }
try directory.write("herald.yaml", """
    timezone: Europe/London
    state_dir: state
    projects_dir: projects
    calendar: { workdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25] }
    people:
      alice: { name: Alice Ng, channel: hook, mention: "<@U1>" }
      bob: { name: Bob Roe, channel: hook }
    channels:
      hook: { type: webhook, url: "\(receiver.url)", secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }
    rules:
      - name: due-soon
        when: status not in ["done", "cancelled"] and business_days_until_due <= 3 and business_days_until_due >= 0
        notify: [owner]
        repeat: 1 business_day
      - name: overdue
        when: status not in ["done", "cancelled"] and days_overdue >= 1
        notify: [owner, manager]
        repeat: 1 business_day
      - name: critical-slip
        when: critical and slip_days >= 3 and status not in ["done", "cancelled"]
        notify: [manager]

    """)
for project in 0..<projectCount {
    var text = "project: p\(project)\nname: Project \(project)\nmanager: bob\nmilestones:\n"
    for index in 0..<(milestoneCount / projectCount) {
        text += "  - { id: m\(index), title: Milestone \(index), owner: alice, due: 2026-12-03, "
            + "baseline: 2026-12-01, status: in_progress }\n"
    }
    try directory.write("projects/p\(project).yaml", text)
}

let now = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
    .instant(of: CivilDate(iso: "2026-12-01")!, minuteOfDay: 600)
var configuration: Configuration!
let loadSeconds = try await seconds {
    configuration = try ConfigLoader.load(path: directory.path + "/herald.yaml", environment: [:])
}
let options = RuntimeOptions(environment: [:], now: { now }, consoleOutput: { _ in })
var logger = Logger(label: "bench")
logger.logLevel = .error
let runtime = try HeraldRuntime(configuration: configuration, options: options, logger: logger)

let importSeconds = try await seconds { try await runtime.applyProjects() }

let engine = RuleEngine(configuration: configuration)
let tracked = try runtime.store.trackedMilestones()
let rounds = 20
let engineSeconds = await seconds {
    for _ in 0..<rounds { _ = engine.evaluate(milestones: tracked, states: [:], now: now) }
}

var decided = 0
let tickSeconds = try await seconds { decided = try await runtime.tick().messages.count }

let dispatcher = runtime.dispatcher
let deliverSeconds = await seconds {
    let task = Task { await dispatcher.run() }
    while receiver.requests.count < decided { try? await Task.sleep(for: .milliseconds(5)) }
    dispatcher.stop()
    await task.value
}
await runtime.shutdown()
receiver.stop()

print("milestones:                \(tracked.count) in \(projectCount) projects, 3 rules")
print(String(format: "config load + validate:    %.3f s", loadSeconds))
print(String(format: "import into store:         %.3f s (%@ milestones, history rows included)",
             importSeconds, rate(tracked.count, importSeconds)))
print(String(format: "rule evaluation (memory):  %.4f s per full pass (%@ milestone×rule evaluations)",
             engineSeconds / Double(rounds), rate(tracked.count * 3 * rounds, engineSeconds)))
print(String(format: "tick to outbox:            %.3f s for %d messages (%@, evaluation and commit)",
             tickSeconds, decided, rate(decided, tickSeconds)))
print(String(format: "delivered over HTTP:       %.3f s for %d messages (%@, every attempt committed)",
             deliverSeconds, decided, rate(decided, deliverSeconds)))
print(String(format: "peak resident memory:      %.1f MB", peakResidentMegabytes()))
}
