import Foundation
import Glibc

/// Files only their owner may read: the state directory (0700), the database and its `-wal`/`-shm` files and the
/// server key (0600). They hold valid acknowledgement tokens and who was told what.
///
/// What is missing is created with those modes; what exists with looser ones (an older Herald, an archive
/// unpacked by hand, systemd's `StateDirectoryMode=`) has its group and other bits cleared, which never takes
/// anything from the owner. Tightening rather than warning closes the hole at once, with nobody having to read a
/// log first. A file this process does not own (`EPERM`) is left to its owner, whose daemon tightens it.
public enum PrivateFiles {
    /// Why a private file or directory could not be made; names the path and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, naming the path.
        public let description: String
    }

    /// Creates the directory `path` (its missing parents with the usual modes) readable by its owner only, or
    /// clears the group and other bits of the existing one.
    public static func directory(_ path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the directory \(parent): \(error)")
        }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw failure("cannot create the directory", path) }
        try restrict(path)
    }

    /// Creates an empty file at `path` readable by its owner only when there is none (SQLite takes an empty file
    /// as an empty database, and gives its `-wal` and `-shm` files the same mode), or tightens the existing one.
    public static func file(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw failure("cannot create", path)
        }
        try restrict(path)
    }

    /// Clears the group and other bits of what is at `path`, if anything is there and it has any.
    public static func restrict(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw failure("cannot read the mode of", path)
        }
        let mode = status.st_mode & 0o7777
        guard mode & 0o077 != 0 else { return }
        if chmod(path, mode & ~0o077) != 0, errno != EPERM { throw failure("cannot restrict the mode of", path) }
    }

    private static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
