import Foundation
import Testing
@testable import HeraldCore

/// The escalation machine on its own: (state, event) → (state, action), with a ladder in hours (owner at once,
/// manager after 4 hours, the manager again every 2 hours) so that no zone or business day is involved.
@Suite struct EscalationMachineTests {
    static let policy = EscalationPolicy(
        name: "late",
        levels: [.init(after: nil, notify: [.owner]), .init(after: .hours(4), notify: [.manager])],
        repeatLastEvery: .hours(2)
    )
    static let ladder = EscalationLadder(policy: policy, calendar: EngineFixture.calendar)
    static let t0 = EngineFixture.at("2026-12-04", 9)

    static func hours(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    /// Level 1's notice to alice on eng, delivered at 09:00 unless `delivered` is false (then still being sent).
    static func notice(delivered: Bool = true, resolvedAt: Date? = nil) -> EscalationNotice {
        EscalationNotice(
            level: 1, isRepeat: false, at: t0, channel: "eng", people: ["alice"], mentions: ["<@U1>"],
            messageID: "msg_1", deliveredAt: delivered ? t0 : nil, isPending: !delivered, resolvedAt: resolvedAt
        )
    }

    /// An escalation opened at 09:00 whose level 1 went out then, in `state`.
    static func record(
        _ state: EscalationState = .open, levels: Int = 1, pausedAt: Date? = nil, rearmed: Bool = false,
        notice: EscalationNotice = notice(), resolutionSent: Bool? = nil
    ) -> EscalationRecord {
        EscalationRecord(
            id: "esc_1", key: RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: "design"),
            policy: "late", due: CivilDate(iso: "2026-12-03")!, openedAt: t0, state: state, levelsNotified: levels,
            lastNotifiedAt: levels == 2 ? hours(4) : t0,
            acknowledgement: state == .acknowledged ? Acknowledgement(by: "bob", at: hours(1), note: nil) : nil,
            closeReason: state == .resolved ? "Design sign-off is done" : nil,
            resolutionSent: resolutionSent ?? (state == .resolved), rearmed: rearmed, notices: [notice],
            pausedAt: pausedAt
        )
    }

    enum Event: Sendable, CustomStringConvertible {
        case tick(Date), acknowledged(String, Date), snoozed(Date), lifted(Date), ruleStoppedHolding(Date)
        case milestoneClosed(Date), dueMoved

        var description: String {
            switch self {
            case .tick: "tick"
            case .acknowledged: "acknowledged"
            case .snoozed: "snoozed"
            case .lifted: "lifted"
            case .ruleStoppedHolding: "rule stopped holding"
            case .milestoneClosed: "milestone closed"
            case .dueMoved: "due moved"
            }
        }

        func apply(to machine: inout EscalationMachine) -> EscalationMachine.Action {
            switch self {
            case .tick(let now): machine.tick(now: now, on: EscalationMachineTests.ladder)
            case .acknowledged(let name, let at): machine.acknowledged(by: name, note: nil, at: at)
            case .snoozed(let at): machine.snoozed(at: at)
            case .lifted(let at): machine.lifted(at: at)
            case .ruleStoppedHolding(let at): machine.ruleStoppedHolding(reason: "rule overdue no longer holds", at: at)
            case .milestoneClosed(let at): machine.milestoneClosed(reason: "Design sign-off is done", at: at)
            case .dueMoved: machine.dueMoved()
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var record: EscalationRecord
        var event: Event
        var state: EscalationMachine.State
        var action: EscalationMachine.Action
        var testDescription: String { "\(name): \(event)" }
    }

    static let told = notice(resolvedAt: hours(1))

    @Test(arguments: [
        Case(name: "open, nothing due", record: record(), event: .tick(hours(1)),
             state: .open(levels: 1, repeats: 0), action: .nothing),
        Case(name: "open, level 2 due", record: record(), event: .tick(hours(4)),
             state: .open(levels: 2, repeats: 0), action: .notify([.init(level: 1, isRepeat: false)])),
        Case(name: "open and spent, repeat due", record: record(levels: 2), event: .tick(hours(6)),
             state: .open(levels: 2, repeats: 1), action: .notify([.init(level: 1, isRepeat: true)])),
        Case(name: "open", record: record(), event: .acknowledged("bob", hours(1)),
             state: .acknowledged(by: "bob", rearmed: false),
             action: .withdrawUnsent(reason: "withdrawn: acknowledged by bob")),
        Case(name: "open", record: record(), event: .snoozed(hours(1)),
             state: .paused(levels: 1, since: hours(1)), action: .pause),
        Case(name: "open", record: record(), event: .lifted(hours(1)),
             state: .open(levels: 1, repeats: 0), action: .nothing),
        Case(name: "open", record: record(), event: .ruleStoppedHolding(hours(1)),
             state: .resolved(reason: "rule overdue no longer holds"),
             action: .close(withdrawing: "withdrawn: rule overdue no longer holds", announcingTo: [told])),
        Case(name: "open", record: record(), event: .milestoneClosed(hours(1)),
             state: .resolved(reason: "Design sign-off is done"),
             action: .close(withdrawing: "withdrawn: Design sign-off is done", announcingTo: [told])),
        Case(name: "open", record: record(), event: .dueMoved,
             state: .open(levels: 1, repeats: 0), action: .nothing),
        Case(name: "paused, level 2 would be due", record: record(pausedAt: hours(1)), event: .tick(hours(5)),
             state: .paused(levels: 1, since: hours(1)), action: .nothing),
        Case(name: "paused", record: record(pausedAt: hours(1)), event: .lifted(hours(3)),
             state: .open(levels: 1, repeats: 0), action: .resume),
        Case(name: "paused", record: record(pausedAt: hours(1)), event: .acknowledged("bob", hours(2)),
             state: .acknowledged(by: "bob", rearmed: false),
             action: .withdrawUnsent(reason: "withdrawn: acknowledged by bob")),
        Case(name: "paused", record: record(pausedAt: hours(1)), event: .milestoneClosed(hours(1)),
             state: .resolved(reason: "Design sign-off is done"),
             action: .close(withdrawing: "withdrawn: Design sign-off is done", announcingTo: [told])),
        Case(name: "acknowledged, its notice delivered", record: record(.acknowledged), event: .tick(hours(1)),
             state: .acknowledged(by: "bob", rearmed: false), action: .announceResolution(to: [told])),
        Case(name: "acknowledged, its notice still being sent",
             record: record(.acknowledged, notice: notice(delivered: false)), event: .tick(hours(1)),
             state: .acknowledged(by: "bob", rearmed: false), action: .nothing),
        Case(name: "acknowledged", record: record(.acknowledged), event: .acknowledged("carol", hours(2)),
             state: .acknowledged(by: "bob", rearmed: false), action: .nothing),
        Case(name: "acknowledged", record: record(.acknowledged), event: .ruleStoppedHolding(hours(2)),
             state: .acknowledged(by: "bob", rearmed: true), action: .nothing),
        Case(name: "acknowledged", record: record(.acknowledged), event: .dueMoved,
             state: .acknowledged(by: "bob", rearmed: true), action: .nothing),
        Case(name: "acknowledged", record: record(.acknowledged), event: .snoozed(hours(2)),
             state: .acknowledged(by: "bob", rearmed: false), action: .nothing),
        Case(name: "resolved, its notice arrived after it closed", record: record(.resolved, resolutionSent: false),
             event: .tick(hours(1)), state: .resolved(reason: "Design sign-off is done"),
             action: .announceResolution(to: [told])),
        Case(name: "resolved", record: record(.resolved), event: .tick(hours(9)),
             state: .resolved(reason: "Design sign-off is done"), action: .nothing),
        Case(name: "resolved", record: record(.resolved), event: .acknowledged("bob", hours(2)),
             state: .resolved(reason: "Design sign-off is done"), action: .nothing),
    ])
    func transition(_ test: Case) {
        var machine = EscalationMachine(record: test.record)
        let action = test.event.apply(to: &machine)
        #expect(machine.state == test.state)
        #expect(action == test.action)
    }

    @Test func aNoticeStillBeingSentWhenAcknowledgedIsToldOnceItArrives() {
        var machine = EscalationMachine(record: Self.record(.acknowledged, notice: Self.notice(delivered: false)))
        #expect(machine.tick(now: Self.hours(1), on: Self.ladder) == .nothing)
        #expect(!machine.record.resolutionSent && !machine.allowsAnother, "it waits for the notice to settle")

        var read = machine.record
        read.notices[0].deliveredAt = Self.hours(1.5)
        read.notices[0].isPending = false
        machine = EscalationMachine(record: read)
        guard case .announceResolution(let told) = machine.tick(now: Self.hours(2), on: Self.ladder) else {
            Issue.record("the notice that arrived is not told")
            return
        }
        #expect(told.map(\.messageID) == ["msg_1"])
        #expect(machine.record.resolutionSent)
        #expect(machine.tick(now: Self.hours(3), on: Self.ladder) == .nothing, "told once")
    }

    @Test func aPauseShiftsTheNextLevelAndTheNextRepeatByItsLength() {
        var machine = EscalationMachine(record: Self.record())
        _ = machine.snoozed(at: Self.hours(1))
        _ = machine.lifted(at: Self.hours(3))
        #expect(machine.tick(now: Self.hours(5.5), on: Self.ladder) == .nothing, "level 2 is 2 hours later")
        #expect(machine.record.nextAt == Self.hours(6))
        #expect(machine.tick(now: Self.hours(6), on: Self.ladder) == .notify([.init(level: 1, isRepeat: false)]))

        _ = machine.snoozed(at: Self.hours(7))
        #expect(machine.record.nextAt == nil, "paused: nothing to wake for")
        _ = machine.lifted(at: Self.hours(10))
        #expect(machine.tick(now: Self.hours(10.5), on: Self.ladder) == .nothing, "the repeat would have come at 17:00")
        #expect(machine.record.nextAt == Self.hours(11), "due 2 hours after the notice, 3 hours later for the pause")
        #expect(machine.tick(now: Self.hours(11), on: Self.ladder)
            == .notify([.init(level: 1, isRepeat: true)]))
        #expect(machine.record.nextAt == Self.hours(13), "the next repeat counts from this one, unshifted")
    }
}
