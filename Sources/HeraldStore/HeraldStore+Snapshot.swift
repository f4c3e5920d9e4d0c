import Foundation
import GRDB

extension HeraldStore {
    /// Copies the store in `directory`, if there is one, into `destination` (created when missing, its owner's
    /// only, as every store is) with SQLite's online backup, so the copy is consistent even while a daemon writes the
    /// original. The original is opened read-only: it is neither migrated nor written (SQLite may leave its WAL
    /// index files beside a closed one).
    /// Open the copy with `HeraldStore(directory: destination)`, which migrates it.
    ///
    /// - Returns: False, copying nothing, when `directory` holds no store.
    @discardableResult
    public static func copy(directory: String, to destination: String) throws -> Bool {
        let source = databasePath(in: directory)
        guard FileManager.default.fileExists(atPath: source) else { return false }
        var readOnly = configuration()
        readOnly.readonly = true
        let original = try DatabaseQueue(path: source, configuration: readOnly)
        let copy = try DatabaseQueue(path: privateDatabase(in: destination))
        try original.backup(to: copy)
        return true
    }
}
