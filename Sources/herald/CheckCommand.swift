import ArgumentParser
import Foundation
import HeraldApp
import HeraldConfig

/// `herald check`: validate the config and project files without starting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the config and project files; print every problem."
    )

    @OptionGroup var options: ConfigOption

    func run() throws {
        do {
            let check = try ConfigLoader.check(path: options.path, environment: ProcessInfo.processInfo.environment)
            for warning in check.warnings { print(warning) }
            print(CheckSummary.line(for: check.configuration))
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            let count = error.errors.count
            FileHandle.standardError.write(Data("\(count) error\(count == 1 ? "" : "s")\n".utf8))
            throw ExitCode(1)
        }
    }
}
