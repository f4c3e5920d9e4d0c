import Glibc
import Logging
import ServiceLifecycle

/// Reloads the configuration on SIGHUP (`systemctl reload herald`).
struct ReloadSignalService: Service {
    let runtime: HeraldRuntime
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        for await _ in ProcessSignals.stream([SIGHUP]).cancelOnGracefulShutdown() {
            notifier.notify("RELOADING=1")
            logger.info("SIGHUP received; reloading the configuration")
            await runtime.reload(reason: "SIGHUP")
            notifier.notify("READY=1")
        }
    }
}
