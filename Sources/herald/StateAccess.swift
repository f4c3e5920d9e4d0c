import ArgumentParser
import Foundation
import HeraldConfig
import HeraldCore

/// Commands that read state find the store through the config (daemon running or not).
enum StateAccess {
    /// The validated configuration, or the diagnostics printed and exit 1.
    static func configuration(at path: String) throws -> Configuration {
        do {
            return try ConfigLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            throw ExitCode(1)
        }
    }
}
