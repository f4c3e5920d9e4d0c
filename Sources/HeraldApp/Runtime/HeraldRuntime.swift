import Foundation
import HeraldConfig
import HeraldCore
import HeraldDelivery
import HeraldStore
import Logging
import Metrics

/// The running daemon's state and the three things it does to it: apply project files, evaluate
/// the rules, and reload the configuration. An actor, so a tick never races a reload.
public actor HeraldRuntime {
    /// The store (safe to read from anywhere).
    public nonisolated let store: HeraldStore
    /// The dispatcher the daemon runs.
    public nonisolated let dispatcher: Dispatcher
    /// The dispatcher and the metrics, for the HTTP routes.
    nonisolated let operations: RuntimeOperations
    private let metrics: RuntimeMetrics
    private let senders: SenderDirectory
    private let curl: CurlEngine
    let options: RuntimeOptions
    let logger: Logger
    private let announcer: ChannelDisabledAnnouncer
    /// The configuration in force: its projects are the files' and those kept while their file is missing.
    private(set) var configuration: Configuration
    /// The state directory's server key, which signs acknowledgement and digest links and calendar keys; read again
    /// on every reload. Nil without a `server:` section.
    public private(set) var serverKey: ServerKey?
    private(set) var engine: RuleEngine
    /// The digests' "Full digest" links, signed with ``serverKey``.
    private(set) var digestLinks: DigestLinks?
    /// The projects as last read from the project files.
    private var fileProjects: [Project]
    /// When a project whose file vanished counts as removed.
    private var projectGrace: ProjectFileGrace
    /// When the earliest missing project file's grace ends; nil when no file is missing.
    var projectGraceEnd: Date? { projectGrace.nextRemoval(grace: configuration.projectsGrace) }

    /// Opens the store for `configuration`, reclaims deliveries a crash left leased, and wires the dispatcher; the
    /// metrics go to `options.metrics`. Throws when the configuration has a `server:` section and the server key
    /// cannot be read or made.
    public init(configuration: Configuration, options: RuntimeOptions, logger: Logger) throws {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        let key = try Self.serverKey(for: configuration)
        serverKey = key
        engine = Self.engine(for: configuration, key: key)
        digestLinks = Self.digestLinks(for: configuration, key: key)
        let metrics = RuntimeMetrics(factory: options.metrics.factory)
        self.metrics = metrics
        store = try HeraldStore(directory: configuration.stateDirectory, observer: metrics)
        fileProjects = configuration.projects
        let read = Set(configuration.projects.map(\.id))
        projectGrace = ProjectFileGrace(inForce: configuration.projects + (try store.projects()).filter {
            !read.contains($0.id)
        })
        let reclaimed = try store.reclaimLeases()
        if reclaimed > 0 {
            logger.notice("reclaimed deliveries left in flight by the previous run", metadata: ["count": "\(reclaimed)"])
        }
        curl = CurlEngine(logger: logger)
        senders = SenderDirectory(
            ChannelSenders.make(for: configuration, curl: curl, consoleOutput: options.consoleOutput)
        )
        let announcer = ChannelDisabledAnnouncer(
            store: store, opsChannel: configuration.opsChannel, logger: logger, now: options.now
        )
        self.announcer = announcer
        dispatcher = Dispatcher(
            queue: store, senders: senders, logger: logger, now: options.now, random: options.random,
            onChannelDisabled: { announcer.announce($0) }, metrics: metrics.delivery
        )
        operations = RuntimeOperations(
            dispatcher: dispatcher, store: store, metrics: metrics, backend: options.metrics, now: options.now
        )
    }

    /// The config file this runtime was loaded from.
    public var configurationFile: String { configuration.file }

    /// Writes the project files' milestones into the store (recording history) and runs the change rules,
    /// in one transaction: a change and the announcements it causes are stored together or not at all. When
    /// anything changed, the scheduled rules and escalations are evaluated at once (a completion closes its
    /// escalations without waiting for the next tick), and that tick releases the announcements with its own
    /// messages (bundled per `bundling`). Returns what the change rules and that evaluation decided.
    ///
    /// A project whose file is missing is kept as it was, in the store and for the rules, until `projects_grace`
    /// has passed (`ProjectFileGrace`); then its milestones count as removed.
    @discardableResult
    public func applyProjects() throws -> EngineDecisions {
        let now = options.now()
        let outcome = projectGrace.update(files: fileProjects, grace: configuration.projectsGrace, now: now)
        log(outcome.events)
        if outcome.projects != configuration.projects {
            configuration.projects = outcome.projects
            engine = Self.engine(for: configuration, key: serverKey)
        }
        let engine = self.engine
        var decisions = EngineDecisions()
        let stored = try store.trackedMilestones().map(\.milestone)
        let changes = try store.apply(
            projects: fileProjects, keeping: outcome.kept, source: \.historySource, at: now, releasing: false, decide: {
                decisions = engine.evaluate(changes: $0, updatedAt: now, milestones: stored)
                return decisions
            }
        )
        return try settle(changes, decisions: decisions, source: "project files")
    }

    /// Evaluates every scheduled rule and steps every escalation at the current time, runs the digests that fell
    /// due, puts the decided messages in the outbox, releases in the same transaction what may go now (checked
    /// against the facts of now, bundled per `bundling`), and returns the decisions. An escalation acknowledged
    /// while it was being evaluated makes the round start again from the stored state, so an acknowledgement is never
    /// overwritten.
    @discardableResult
    public func tick() throws -> EngineDecisions {
        let now = options.now()
        var decisions = try evaluate(at: now)
        let released: ReleasePlan
        do {
            released = try commit(decisions, at: now)
        } catch let error as HeraldStoreError where error.isEscalationConflict {
            decisions = try evaluate(at: now)
            released = try commit(decisions, at: now)
        }
        decisions.append(try runDigests(at: now))
        for problem in decisions.unreachable { logger.warning("recipient unreachable: \(problem)") }
        EscalationChangeLog.log(decisions.escalations, to: logger)
        if !decisions.messages.isEmpty {
            let held = decisions.messages.count { $0.heldUntil != nil }
            logger.info(
                "rules decided messages",
                metadata: ["count": "\(decisions.messages.count)", "held_for_quiet_hours": "\(held)"]
            )
            dispatcher.wakeup.signal()
        }
        report(released)
        return decisions
    }

    /// Reads what the rules need and evaluates them; only the evaluation is timed.
    private func evaluate(at now: Date) throws -> EngineDecisions {
        let (milestones, states) = (try store.trackedMilestones(), try store.ruleStates())
        let escalations = try store.currentEscalations()
        let suppressions = Suppressions(snoozes: try store.activeSnoozes(at: now))
        return metrics.ruleEvaluation.measure {
            engine.evaluate(
                milestones: milestones, states: states, escalations: escalations, now: now, suppressions: suppressions
            )
        }
    }

    private func commit(_ decisions: EngineDecisions, at now: Date) throws -> ReleasePlan {
        let engine = self.engine
        let until = now.addingTimeInterval(max(0, configuration.bundling.window))
        return try store.commit(
            ruleStates: decisions.ruleStates, messages: decisions.messages, escalations: decisions.escalations,
            suppressions: decisions.suppressions, at: now, release: ReleaseStep(until: until) { queue in
                engine.release(queue.candidates, facts: queue.facts, now: now, sentSince: queue.sentSince)
            }
        )
    }

    /// Logs what the release step did and wakes the dispatcher when something may go.
    private func report(_ released: ReleasePlan) {
        for withdrawal in released.withdrawn {
            logger.info(
                "withdrawn at release",
                metadata: ["delivery": "\(withdrawal.deliveryID)", "reason": "\(withdrawal.reason)"]
            )
        }
        for bundle in released.bundles {
            logger.info(
                "bundled", metadata: ["message": "\(bundle.message.id)", "items": "\(bundle.deliveryIDs.count)"]
            )
        }
        if released.sendsAnything { dispatcher.wakeup.signal() }
    }

    /// Loads the config again, logging its warnings; an invalid one is logged and the running one kept. Returns whether
    /// it was taken.
    @discardableResult
    public func reload(reason: String) -> Bool {
        let loaded: Configuration
        do {
            let check = try ConfigLoader.check(path: configuration.file, environment: options.environment)
            for warning in check.warnings { logger.warning("\(warning)") }
            loaded = check.configuration
        } catch {
            logger.error("configuration not reloaded; the running one is kept", metadata: ["reason": "\(reason)"])
            for diagnostic in error.diagnostics { logger.error("\(diagnostic)") }
            return false
        }
        if loaded.stateDirectory != configuration.stateDirectory {
            logger.warning("state_dir changed; it takes effect after a restart")
        }
        if loaded.server?.listen != configuration.server?.listen {
            logger.warning("server.listen changed; the HTTP server keeps its address until a restart")
        }
        do {
            serverKey = try Self.serverKey(for: loaded)
        } catch {
            logger.error("server key not reloaded; the running one is kept", metadata: ["error": "\(error)"])
        }
        configuration = loaded
        fileProjects = loaded.projects
        engine = Self.engine(for: loaded, key: serverKey)
        digestLinks = Self.digestLinks(for: loaded, key: serverKey)
        senders.replace(with: ChannelSenders.make(for: loaded, curl: curl, consoleOutput: options.consoleOutput))
        announcer.update(opsChannel: loaded.opsChannel)
        logger.info("configuration reloaded", metadata: ["reason": "\(reason)"])
        do {
            try applyProjects()
            try tick()
        } catch {
            logger.error("cannot apply the reloaded configuration", metadata: ["error": "\(error)"])
        }
        return true
    }

    /// Stops the libcurl engine (after the dispatcher has drained).
    public func shutdown() {
        curl.shutdown()
    }
}

/// What the runtime takes from outside: the clock, randomness, environment and console output.
public struct RuntimeOptions: Sendable {
    public var environment: [String: String]
    public var now: @Sendable () -> Date
    public var random: @Sendable () -> Double
    public var consoleOutput: @Sendable (String) -> Void
    /// How often the scheduler evaluates the rules.
    public var tickInterval: Duration
    /// How often the project directory is checked for edits.
    public var watchInterval: Duration
    /// Where the daemon's metrics go.
    public var metrics: MetricsBackend

    /// Creates options; the defaults are the real clock, stdout, a one-minute tick, a one-second watch and a
    /// Prometheus registry of the daemon's own.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        consoleOutput: @escaping @Sendable (String) -> Void = StandardOutput.writeLine,
        tickInterval: Duration = .seconds(60),
        watchInterval: Duration = .seconds(1),
        metrics: MetricsBackend = .prometheus()
    ) {
        self.environment = environment
        self.now = now
        self.random = random
        self.consoleOutput = consoleOutput
        self.tickInterval = tickInterval
        self.watchInterval = watchInterval
        self.metrics = metrics
    }
}
