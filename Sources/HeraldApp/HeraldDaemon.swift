import Foundation
import Glibc
import HeraldConfig
import Logging
import ServiceLifecycle

/// Builds the daemon: the runtime and the service group that runs it (`herald serve`, and tests).
public enum HeraldDaemon {
    /// Loads and validates the config (logging its warnings, as `herald check` prints them), opens the store,
    /// applies the project files, and returns the services ready to run. Throws `ConfigError` for an invalid config.
    public static func build(
        configPath: String, options: RuntimeOptions = RuntimeOptions(), logger: Logger
    ) throws -> (group: ServiceGroup, runtime: HeraldRuntime) {
        let check = try ConfigLoader.check(path: configPath, environment: options.environment)
        for warning in check.warnings { logger.warning("\(warning)") }
        let configuration = check.configuration
        let runtime = try HeraldRuntime(configuration: configuration, options: options, logger: logger)
        let notifier = SystemdNotifier(environment: options.environment)
        var services: [any Service] = [
            DispatcherService(runtime: runtime, dispatcher: runtime.dispatcher),
            SchedulerService(runtime: runtime, interval: options.tickInterval, now: options.now, logger: logger),
            ProjectWatcherService(
                runtime: runtime, projectsDirectory: configuration.projectsDirectory, configFile: configuration.file,
                interval: options.watchInterval, logger: logger
            ),
            ReloadSignalService(runtime: runtime, notifier: notifier, logger: logger),
            SystemdService(notifier: notifier),
            CheckpointService(store: runtime.store, interval: .seconds(1), logger: logger),
        ]
        if let server = configuration.server {
            services.append(HTTPServer.make(server, runtime: runtime, now: options.now, logger: logger))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                          failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                logger: logger
            )
        )
        return (group, runtime)
    }

    /// Runs the group until it ends; SIGTERM or SIGINT starts a graceful shutdown (drain, then exit).
    public static func run(_ group: ServiceGroup, logger: Logger) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                for await signal in ProcessSignals.stream([SIGTERM, SIGINT]) {
                    logger.info("shutting down: finishing the deliveries under way", metadata: ["signal": "\(signal)"])
                    await group.triggerGracefulShutdown()
                }
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }
}
