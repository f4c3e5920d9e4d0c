import Foundation
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Synchronization

/// A settable clock shared between a test and the daemon it drives.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}

/// A config directory whose webhook channel points at a receiver on 127.0.0.1.
struct AppFixture {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    /// ``secret`` as the signer reads it.
    static let key = try! WebhookKey(secret)
    let directory: TemporaryDirectory
    var configPath: String { directory.path + "/herald.yaml" }

    /// Writes `herald.yaml` and `projects/apollo.yaml`; `milestones` is the YAML list under `milestones:`.
    /// An `urgent` due-soon rule sends at any hour (for tests that run on the real clock). `extraRules` continues
    /// the `rules:` list and may be followed by further top-level sections.
    init(
        receiverURL: String, retry: String = "[200ms, 200ms, 200ms]", urgent: Bool = false, milestones: String,
        extraRules: String = ""
    ) throws {
        directory = try TemporaryDirectory(prefix: "herald-app")
        try directory.write("herald.yaml", """
            timezone: Europe/London
            state_dir: state
            projects_dir: projects
            calendar: { workdays: [mon, tue, wed, thu, fri], holidays: [2026-12-25] }
            people:
              alice: { name: Alice Ng, channel: hook, mention: "<@U1>" }
              bob: { name: Bob Roe, channel: hook }
            channels:
              hook: { type: webhook, url: "${HOOK_URL}", secret: "${HOOK_SECRET}", retry: { schedule: \(retry) } }
            rules:
              - name: due-soon
                when: status != "done" and business_days_until_due <= 3 and business_days_until_due >= 0
                notify: [owner]
                repeat: 1 business_day\(urgent ? "\n    urgent: true" : "")
              - name: completed
                on: status_changed
                when: status == "done"
                notify: [manager]
            \(extraRules)
            """)
        environment = ["HOOK_URL": receiverURL, "HOOK_SECRET": Self.secret]
        try writeProject(milestones: milestones)
    }

    let environment: [String: String]

    func writeProject(milestones: String) throws {
        try directory.write("projects/apollo.yaml", """
            project: apollo
            name: Apollo ERP upgrade
            manager: bob
            milestones:
            \(milestones)
            """)
    }

    func options(clock: TestClock, console: @escaping @Sendable (String) -> Void = { _ in }) -> RuntimeOptions {
        RuntimeOptions(
            environment: environment, now: { clock.now }, random: { 0.5 }, consoleOutput: console,
            tickInterval: .milliseconds(100), watchInterval: .milliseconds(100)
        )
    }

    /// London wall-clock time.
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
        BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)
            .instant(of: CivilDate(iso: date)!, minuteOfDay: hour * 60 + minute)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held (a throw is "not yet").
func eventually(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? condition()) == true
}
