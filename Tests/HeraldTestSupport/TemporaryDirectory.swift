import Foundation

/// A fresh directory under the system temporary directory, removed with `remove()`.
public struct TemporaryDirectory: Sendable {
    /// Absolute path.
    public let path: String

    /// Creates a new empty directory.
    public init(prefix: String = "herald-test") throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `text` to `relativePath`, creating folders as needed; returns the absolute path.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
