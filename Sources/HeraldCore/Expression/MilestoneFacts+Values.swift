extension MilestoneFacts.Storage {
    /// The value of a variable; every `previous.` variable is null when no previous state was given, and the
    /// history variables (`moved_days`, `times_moved`, `status_changed_at`) have no `previous.` value.
    @inline(__always)
    func value(of reference: VariableReference) -> ExpressionValue {
        guard reference.previous else {
            return Self.value(
                of: reference.variable, milestone: milestone, numbers: current, history: history, today: today
            )
        }
        guard let previousNumbers, previous != nil else { return .null }
        // Checked just above; unwrapping without a binding avoids copying the milestone.
        return Self.value(
            of: reference.variable, milestone: previous.unsafelyUnwrapped, numbers: previousNumbers, history: nil,
            today: today
        )
    }

    private static func value(
        of variable: ExpressionVariable, milestone: borrowing Milestone, numbers: MilestoneFacts.DerivedNumbers,
        history: MilestoneFacts.HistoryNumbers?, today: CivilDate
    ) -> ExpressionValue {
        switch variable {
        case .project: return .string(milestone.projectID)
        case .id: return .string(milestone.id)
        case .title: return .string(milestone.title)
        case .phase: return milestone.phase.map { .string($0) } ?? .null
        case .owner: return .string(milestone.owner)
        case .status: return .string(milestone.status.rawValue)
        case .critical: return .bool(milestone.critical)
        case .due: return .date(milestone.due)
        case .baseline: return milestone.baseline.map { .date($0) } ?? .null
        case .today: return .date(today)
        case .daysUntilDue: return .number(Double(numbers.daysUntilDue))
        case .businessDaysUntilDue: return .number(Double(numbers.businessDaysUntilDue))
        case .daysOverdue: return .number(Double(numbers.daysOverdue))
        case .businessDaysOverdue: return .number(Double(numbers.businessDaysOverdue))
        case .slipDays: return .number(Double(numbers.slipDays))
        case .daysSinceUpdate: return .number(Double(numbers.daysSinceUpdate))
        case .movedDays: return history.map { .number(Double($0.movedDays)) } ?? .null
        case .timesMoved: return history.map { .number(Double($0.timesMoved)) } ?? .null
        case .statusChangedAt: return history.map { .date($0.statusChangedOn) } ?? .null
        case .label(let name): return milestone.labels[name].map { .string($0) } ?? .null
        }
    }
}
