import ArgumentParser
import Foundation
import HeraldConfig
import HeraldCore

/// Commands that read state find the store through the config (daemon running or not).
enum StateAccess {
    /// The validated configuration, or the diagnostics printed and exit 1.
    static func configuration(at path: String) throws -> Configuration {
        try orExit { () throws(ConfigError) in
            try ConfigLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
        }
    }

    /// Only the store's location and the display zone: no secrets needed in the environment.
    static func location(at path: String) throws -> StateLocation {
        try orExit { () throws(ConfigError) in
            try ConfigLoader.stateLocation(path: path, environment: ProcessInfo.processInfo.environment)
        }
    }

    private static func orExit<T>(_ load: () throws(ConfigError) -> T) throws -> T {
        do {
            return try load()
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            throw ExitCode(1)
        }
    }
}
