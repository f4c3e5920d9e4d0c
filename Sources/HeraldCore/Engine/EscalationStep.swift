import Foundation

/// What one evaluation found about one (escalate rule, milestone) pair, fed to its escalation's machine as events.
///
/// - Milestone done or cancelled: `milestoneClosed`. Rule no longer holding: `ruleStoppedHolding`. Either closes
///   an open escalation (those notified are told it is resolved) and re-arms an acknowledged one.
/// - Rule holding: a moved due date re-arms an acknowledged escalation (`dueMoved`); a snooze or an on-hold
///   project pauses the ladder (`snoozed`) and its end resumes it (`lifted`).
/// - Then time passes (`tick`): the levels or the repeat that fell due, or the resolution an acknowledgement owes.
///
/// It decides nothing itself and composes nothing: the engine turns the actions into messages and updates.
struct EscalationStep {
    /// Why the milestone is closed (`Design sign-off is done`); nil while it is open.
    var closed: String?
    /// The rule's name and whether it holds now.
    var rule: String
    var holds: Bool
    /// Whether escalation notices about the milestone are stopped now (snoozed, project on hold).
    var suppressed: Bool
    /// The milestone's due date now.
    var due: CivilDate
    var now: Date

    /// Feeds `machine` this evaluation's events in order, its tick on `ladder` last; the actions, `nothing` left out.
    func run(_ machine: inout EscalationMachine, on ladder: EscalationLadder) -> [EscalationMachine.Action] {
        var actions: [EscalationMachine.Action] = []
        if let closed {
            actions.append(machine.milestoneClosed(reason: closed, at: now))
        } else if !holds {
            actions.append(machine.ruleStoppedHolding(reason: "rule \(rule) no longer holds", at: now))
        } else {
            if machine.record.due != due { actions.append(machine.dueMoved()) }
            actions.append(suppressed ? machine.snoozed(at: now) : machine.lifted(at: now))
        }
        actions.append(machine.tick(now: now, on: ladder))
        return actions.filter { $0 != .nothing }
    }
}
