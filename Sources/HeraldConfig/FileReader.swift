import Foundation

/// Reads whole files for the loader, with the operating system's reason when one cannot be read
/// ("permission denied", "no such file or directory") and a size limit checked before anything is read.
enum FileReader {
    /// Why a file was not read; `reason` completes "cannot read file: …".
    struct Failure: Error {
        let reason: String
    }

    /// The file's bytes; a failure when it cannot be opened, is not a regular file, or is over `limit` bytes
    /// (`limitName` says which limit that is).
    static func bytes(atPath path: String, limit: Int, limitName: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(reason: systemReason())) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(reason: systemReason())) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let kind = status.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "it is not a regular file"
            return .failure(Failure(reason: kind))
        }
        let tooLarge = Failure(reason: "it is larger than \(limitName), \(limit) bytes")
        guard status.st_size <= limit else { return .failure(tooLarge) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .failure(Failure(reason: systemReason())) }
            if count == 0 { return .success(bytes) }
            bytes += buffer[..<count]
            if bytes.count > limit { return .failure(tooLarge) }
        }
    }

    /// The file as UTF-8 text; a NUL byte in it is a failure (a C string would end there).
    static func text(atPath path: String, limit: Int, limitName: String) -> Result<String, Failure> {
        bytes(atPath: path, limit: limit, limitName: limitName).flatMap { bytes in
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(Failure(reason: "it is not UTF-8"))
            }
            guard !bytes.contains(0) else { return .failure(Failure(reason: "it contains a NUL character")) }
            return .success(text)
        }
    }

    /// The names in a directory (without `.` and `..`), or why it cannot be listed.
    static func entries(ofDirectory path: String) -> Result<[String], Failure> {
        guard let directory = opendir(path) else { return .failure(Failure(reason: systemReason())) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// The absolute path with every symbolic link resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `errno` as the system words it, lower-cased: "no such file or directory".
    private static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
