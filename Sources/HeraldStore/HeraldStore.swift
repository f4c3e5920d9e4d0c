import Foundation
import GRDB
import HeraldCore

/// Herald's durable state: milestones and their history, rule state, the outbox of messages, deliveries and
/// their attempts, and the communication log.
///
/// A thin wrapper over a GRDB `DatabaseWriter` in the style of GRDB's `AppDatabase`: a `DatabasePool` (WAL) on
/// disk, or a `DatabaseQueue` in memory for tests. Every method takes the time it needs as a parameter; the
/// store never reads the clock. Each mutating method is one transaction.
public final class HeraldStore: Sendable {
    /// The connection (pool or queue) every method goes through.
    let writer: any DatabaseWriter
    /// Shared encoder: compact, sorted keys, dates as Unix seconds, slashes unescaped.
    let encoder: JSONEncoder
    /// Shared decoder matching `encoder`.
    let decoder: JSONDecoder
    /// A connection of its own that copies the write-ahead log into the database file; nil in memory.
    private let checkpointer: DatabaseQueue?
    /// Told about messages committed to the outbox and deliveries withdrawn; nil when nobody listens.
    let observer: (any OutboxObserver)?

    /// Opens (creating when missing) the database `herald.sqlite` in `directory` and migrates it.
    ///
    /// The directory is its owner's only (0700) and the database files too (0600): see `PrivateFiles`.
    /// - Parameters:
    ///   - directory: The state directory; created with its parents when missing.
    ///   - observer: Told about every commit that adds messages to the outbox or withdraws deliveries.
    public convenience init(directory: String, observer: (any OutboxObserver)? = nil) throws {
        let path = try Self.privateDatabase(in: directory)
        let pool = try DatabasePool(path: path, configuration: HeraldStore.configuration())
        let checkpointer = try DatabaseQueue(path: path, configuration: HeraldStore.configuration())
        try self.init(writer: pool, checkpointer: checkpointer, observer: observer)
    }

    /// The database file of the store in `directory`.
    static func databasePath(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("herald.sqlite").path
    }

    /// Makes `directory` and its database file private to their owner (creating them when missing), tightens the
    /// write-ahead log files left from before, and returns the database's path.
    static func privateDatabase(in directory: String) throws -> String {
        try PrivateFiles.directory(directory)
        let path = databasePath(in: directory)
        try PrivateFiles.file(path)
        for suffix in ["-wal", "-shm"] { try PrivateFiles.restrict(path + suffix) }
        return path
    }

    /// A fresh, migrated store that lives in memory only (for tests and dry runs), told to `observer` if any.
    public static func inMemory(observer: (any OutboxObserver)? = nil) throws -> HeraldStore {
        try HeraldStore(writer: DatabaseQueue(configuration: configuration()), observer: observer)
    }

    /// Wraps `writer` and runs the migrations.
    init(writer: any DatabaseWriter, checkpointer: DatabaseQueue? = nil, observer: (any OutboxObserver)? = nil) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        self.observer = observer
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        self.encoder = encoder
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        self.decoder = decoder
        try Self.migrator.migrate(writer)
    }

    /// Busy timeout, foreign keys, `synchronous = NORMAL` (durable enough in WAL mode), and a commit checkpoints
    /// the write-ahead log only past 8,192 pages (32 MB): below that `checkpoint()` does it off the commit path.
    static func configuration() -> GRDB.Configuration {
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        return config
    }

    /// Copies the write-ahead log into the database file on a connection of its own, without blocking writers
    /// (a passive checkpoint), so a commit never waits for the log's disk syncs. The daemon calls it every second;
    /// a store nobody checkpoints still does it inside a commit once the log passes 8,192 pages.
    ///
    /// - Returns: the frames in the log and how many of them are now in the database file (equal unless a reader
    ///   still needs the older ones); zeros for a store in memory.
    @discardableResult
    public func checkpoint() throws -> (logFrames: Int, copiedFrames: Int) {
        guard let checkpointer else { return (0, 0) }
        let result = try checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        return (result.walFrameCount, result.checkpointedFrameCount)
    }

    /// `value` encoded as compact JSON text.
    func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes JSON text stored by `json(_:)`.
    func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
