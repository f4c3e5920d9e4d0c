import ArgumentParser
import Foundation
import HeraldApp
import HeraldConfig
import HeraldDelivery
import Logging
import Metrics

/// `herald serve`: run the daemon in the foreground until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the daemon in the foreground."
    )

    @OptionGroup var options: ConfigOption

    func run() async throws {
        CurlEngine.initializeLibcurl()
        let logger = DaemonLogging.bootstrap()
        let metrics = MetricsBackend.prometheus()
        MetricsSystem.bootstrap(metrics.factory)
        do {
            let (group, _) = try HeraldDaemon.build(
                configPath: options.path, options: RuntimeOptions(metrics: metrics), logger: logger
            )
            logger.info("herald started", metadata: ["config": "\(options.path)"])
            try await HeraldDaemon.run(group, logger: logger)
            logger.info("herald stopped")
        } catch let error as ConfigError {
            for diagnostic in error.diagnostics { print(diagnostic) }
            throw ExitCode(1)
        }
    }
}

/// Logging set-up for the daemon, done once in main.
enum DaemonLogging {
    /// One event a line on standard error; `HERALD_LOG_LEVEL` sets the level (default info).
    static func bootstrap() -> Logger {
        let level = ProcessInfo.processInfo.environment["HERALD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? .info
            return handler
        }
        return Logger(label: "herald")
    }
}
