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

    /// Opens (creating when missing) the database `herald.sqlite` in `directory` and migrates it.
    ///
    /// - Parameter directory: The state directory; created with its parents when missing.
    public convenience init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: Self.databasePath(in: directory), configuration: HeraldStore.configuration())
        try self.init(writer: pool)
    }

    /// The database file of the store in `directory`.
    static func databasePath(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("herald.sqlite").path
    }

    /// A fresh, migrated store that lives in memory only (for tests and dry runs).
    public static func inMemory() throws -> HeraldStore {
        try HeraldStore(writer: DatabaseQueue(configuration: configuration()))
    }

    /// Wraps `writer` and runs the migrations.
    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        self.encoder = encoder
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        self.decoder = decoder
        try Self.migrator.migrate(writer)
    }

    /// Busy timeout, foreign keys, and `synchronous = NORMAL` (durable enough in WAL mode).
    static func configuration() -> GRDB.Configuration {
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
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
