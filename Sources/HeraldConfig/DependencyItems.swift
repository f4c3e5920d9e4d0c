import HeraldCore
import Yams

/// The `depends_on` items of every project file read in one load, each with where it is written, and every
/// milestone the files declare: what the checks across projects (`ConfigLoader+Dependencies`) need, since a
/// dependency may name a milestone of a file read later.
final class DependencyItems {
    /// One `depends_on` item of milestone `from`, as written, at `mark` in `file`.
    struct Item {
        let from: MilestoneKey
        let reference: String
        let file: String
        let mark: Mark?

        /// The milestone the item names.
        var target: MilestoneKey { MilestoneKey(reference: reference, from: from.projectID) }
    }

    private(set) var items: [Item] = []
    /// Every milestone id declared, valid or not, so that a reference to a broken milestone is not reported too.
    private(set) var declared: Set<MilestoneKey> = []

    /// Records that project `projectID` declares milestone `id`.
    func declare(_ id: String, in projectID: String) {
        declared.insert(MilestoneKey(projectID: projectID, milestoneID: id))
    }

    /// Records a `depends_on` item of `from`, written at `node` in `file`.
    func add(_ reference: String, of from: MilestoneKey, file: String, at node: Node) {
        items.append(Item(from: from, reference: reference, file: file, mark: node.mark))
    }
}
