import Foundation
import Testing

/// The `herald` executable built beside the test bundle.
enum HeraldExecutable {
    static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("herald").path
    }

    /// Runs `herald ARGUMENTS` to completion; returns its exit status and standard output (with standard error
    /// when `includingErrors`).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], includingErrors: Bool = false
    ) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the herald executable first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = includingErrors ? output : FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
