/// A variable a `when` expression can read, resolved from its name at compile time.
enum ExpressionVariable: Hashable, Sendable {
    case project, id, title, phase, owner, status, critical, due, baseline, today
    case daysUntilDue, businessDaysUntilDue, daysOverdue, businessDaysOverdue, slipDays, daysSinceUpdate
    case movedDays, timesMoved, statusChangedAt
    /// `labels.NAME`: the label's value, null when the milestone has no such label.
    case label(String)

    /// The fixed variables by name, in documentation order.
    static let named: [(name: String, variable: ExpressionVariable)] = [
        ("project", .project), ("id", .id), ("title", .title), ("phase", .phase), ("owner", .owner),
        ("status", .status), ("critical", .critical), ("due", .due), ("baseline", .baseline), ("today", .today),
        ("days_until_due", .daysUntilDue), ("business_days_until_due", .businessDaysUntilDue),
        ("days_overdue", .daysOverdue), ("business_days_overdue", .businessDaysOverdue),
        ("slip_days", .slipDays), ("days_since_update", .daysSinceUpdate), ("moved_days", .movedDays),
        ("times_moved", .timesMoved), ("status_changed_at", .statusChangedAt),
    ]

    private static let byName = [String: ExpressionVariable](uniqueKeysWithValues: named.map { ($0.name, $0.variable) })

    static let labelPrefix = "labels."
    static let previousPrefix = "previous."

    /// The variable called `name` (without a `previous.` prefix), or nil.
    init?(name: String) {
        if name.hasPrefix(Self.labelPrefix) {
            let label = name.dropFirst(Self.labelPrefix.count)
            guard !label.isEmpty else { return nil }
            self = .label(String(label))
        } else if let variable = Self.byName[name] {
            self = variable
        } else {
            return nil
        }
    }

    /// The static type; values may still be null (`phase`, `baseline`, labels, anything `previous.`).
    var type: ExpressionType {
        switch self {
        case .project, .id, .title, .phase, .owner, .status, .label: return .string
        case .critical: return .bool
        case .due, .baseline, .today, .statusChangedAt: return .date
        case .daysUntilDue, .businessDaysUntilDue, .daysOverdue, .businessDaysOverdue, .slipDays, .daysSinceUpdate,
             .movedDays, .timesMoved:
            return .number
        }
    }

    /// The closest known name to a misspelt `name`, when one is close enough to suggest.
    static func suggestion(for name: String) -> String? {
        let isPrevious = name.hasPrefix(previousPrefix)
        let prefix = isPrevious ? previousPrefix : ""
        let bare = isPrevious ? String(name.dropFirst(previousPrefix.count)) : name
        if let dot = bare.firstIndex(of: ".") {
            let tail = bare[bare.index(after: dot)...]
            guard !tail.isEmpty, EditDistance.between(bare[..<dot], "labels") <= 2 else { return nil }
            return prefix + labelPrefix + tail
        }
        var best: (name: String, distance: Int)?
        for candidate in named.map(\.name) {
            let distance = EditDistance.between(bare, candidate)
            if distance <= max(1, min(2, bare.unicodeScalars.count / 3)), distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best.map { prefix + $0.name }
    }
}

/// A variable as an expression reads it: the current value, or the one before a change (`previous.`).
struct VariableReference: Hashable, Sendable {
    let variable: ExpressionVariable
    /// True for `previous.NAME`: the value before the change, null when no previous state is given.
    let previous: Bool

    /// Resolves `name` as written, or throws `unknown variable` with a suggestion when one is close.
    init(resolving name: String, column: Int) throws(ExpressionError) {
        let isPrevious = name.hasPrefix(ExpressionVariable.previousPrefix)
        let bare = isPrevious ? String(name.dropFirst(ExpressionVariable.previousPrefix.count)) : name
        if let variable = ExpressionVariable(name: bare) {
            self.variable = variable
            self.previous = isPrevious
            return
        }
        if bare == "labels" || bare == ExpressionVariable.labelPrefix {
            throw ExpressionError(column: column, message: "expected a label name after 'labels.'")
        }
        var message = "unknown variable '\(name)'"
        if let suggestion = ExpressionVariable.suggestion(for: name) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw ExpressionError(column: column, message: message)
    }
}
