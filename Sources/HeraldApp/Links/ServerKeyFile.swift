import Foundation
import Glibc
import HeraldCore
import HeraldStore

/// The server key's file, `STATE_DIR/server.key`: 32 random bytes, mode 0600, made the first time a key is needed
/// (the HTTP server starts, escalation notices need acknowledgement links, `herald calendar-url`); an existing one
/// readable by others is tightened to 0600, and the state directory to 0700 (`PrivateFiles`). Deleting it
/// revokes every acknowledgement link and calendar key at the next start.
public enum ServerKeyFile {
    /// The file's name in the state directory.
    public static let name = "server.key"

    /// Why the key could not be had; names the file, never its content.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, naming the file.
        public let description: String
    }

    /// The key in `stateDirectory`, made (with the directory) when there is none. Two processes making it at once
    /// end up with the same key: it is written to a private file first and linked into place only if still absent.
    public static func load(stateDirectory: String) throws -> ServerKey {
        let path = URL(fileURLWithPath: stateDirectory).appendingPathComponent(name).path
        do {
            try PrivateFiles.directory(stateDirectory)
            try PrivateFiles.restrict(path)
        } catch {
            throw Failure(description: "\(error)")
        }
        if let key = try read(path) { return key }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<ServerKey.byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max, using: &generator))"
        defer { unlink(temporary) }
        try write(bytes, to: temporary)
        if link(temporary, path) != 0, errno != EEXIST {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard let key = try read(path) else { throw Failure(description: "cannot read \(path) after creating it") }
        return key
    }

    /// The key in the file at `path`; nil when there is no such file.
    private static func read(_ path: String) throws -> ServerKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        guard let key = ServerKey(bytes: data) else {
            throw Failure(description: "\(path) does not hold a \(ServerKey.byteCount)-byte key; delete it to make "
                + "a new one (every acknowledgement link and calendar key made with the old one stops working)")
        }
        return key
    }

    /// Writes `bytes` to a new file at `path` readable by its owner only.
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
