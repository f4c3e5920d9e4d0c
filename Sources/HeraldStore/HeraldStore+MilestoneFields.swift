import Foundation
import HeraldCore

extension HeraldStore {
    /// A milestone's fields as history records them, in a fixed order: text values, nil when absent.
    ///
    /// Dates are `YYYY-MM-DD`, `due_instant` ISO 8601 UTC, `critical` `true`/`false`, lists and labels compact
    /// JSON (labels with sorted keys). An empty list or label map counts as absent, so `created` records only the
    /// fields that are set and adding the first label reads as `nil -> {"k":"v"}`.
    func historyFields(of milestone: Milestone) throws -> [(field: String, value: String?)] {
        [
            ("title", milestone.title),
            ("phase", milestone.phase),
            ("owner", milestone.owner),
            ("due", milestone.due.description),
            ("due_instant", milestone.dueInstant.map { $0.formatted(.iso8601) }),
            ("baseline", milestone.baseline?.description),
            ("status", milestone.status.rawValue),
            ("critical", milestone.critical ? "true" : "false"),
            ("depends_on", milestone.dependsOn.isEmpty ? nil : try json(milestone.dependsOn)),
            ("deliverables", milestone.deliverables.isEmpty ? nil : try json(milestone.deliverables)),
            ("labels", milestone.labels.isEmpty ? nil : try json(milestone.labels)),
        ]
    }

    /// The fields that differ from `old` to `new`; every set field of `new` (old value nil) when `old` is nil.
    func fieldChanges(from old: Milestone?, to new: Milestone) throws -> [FieldChange] {
        let newFields = try historyFields(of: new)
        guard let old else {
            return newFields.compactMap { field, value in
                value.map { FieldChange(field: field, oldValue: nil, newValue: $0) }
            }
        }
        let oldFields = try historyFields(of: old)
        return zip(oldFields, newFields).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: new.field, oldValue: old.value, newValue: new.value)
        }
    }
}
