import Foundation
import HeraldCore

/// What a project file last stated for the fields the API and chat commands change (`status`, `due`, `owner`), kept
/// on the milestone's row (`file_values`), so applying the file again overwrites such a field only when the file
/// itself changed it since: a `PATCH` or `/herald done` is not silently undone by an edit elsewhere in the file.
struct FileStatedFields: Codable, Hashable {
    var status: String
    /// The due date, with its instant when the file gave a date-time (`2026-12-04@2026-12-04T17:00:00Z`).
    var due: String
    var owner: String

    /// The fields as `milestone` states them.
    init(_ milestone: Milestone) {
        status = milestone.status.rawValue
        due = milestone.due.description + (milestone.dueInstant.map { "@" + $0.formatted(.iso8601) } ?? "")
        owner = milestone.owner
    }

    /// `fromFile`, except that each of these fields the file states as it did last time (`self`) keeps its stored
    /// value, which another source may have changed.
    func keepingUnchangedFields(of fromFile: Milestone, stored: Milestone) -> Milestone {
        let stated = FileStatedFields(fromFile)
        var result = fromFile
        if stated.status == status { result.status = stored.status }
        if stated.due == due {
            result.due = stored.due
            result.dueInstant = stored.dueInstant
        }
        if stated.owner == owner { result.owner = stored.owner }
        return result
    }
}
