import GRDB

extension HeraldStore {
    /// Runs `updates` in one write transaction, as `writer.write` does, except that SQLite's "database or disk is
    /// full" (`SQLITE_FULL`) is thrown as ``HeraldStoreError/diskFull(_:)``: it says "disk full", not "disk I/O
    /// error", in logs and on `/readyz`.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(updates)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw HeraldStoreError.diskFull(error.message ?? "database or disk is full")
        }
    }
}
