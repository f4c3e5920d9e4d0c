import Foundation
import HeraldCore

extension HeraldRuntime {
    /// Runs the digests due at `now` (each run and its messages committed together) and returns their messages
    /// and unreachable recipients as decisions, for the tick's log and for `herald plan`.
    func runDigests(at now: Date) throws -> EngineDecisions {
        var decisions = EngineDecisions()
        let runner = DigestRunner(configuration: configuration, store: store, links: digestLinks)
        for outcome in try runner.runDue(at: now) {
            decisions.messages += outcome.messages
            decisions.unreachable += outcome.unreachable
            guard outcome.recorded else { continue }
            let run = outcome.run
            logger.info(run.sent ? "digest sent" : "digest skipped: nothing changed", metadata: [
                "digest": "\(run.digest)", "period": "\(run.period)", "late": "\(run.late)",
                "messages": "\(outcome.messages.count)",
            ])
        }
        return decisions
    }
}
