import ServiceLifecycle

/// Tells systemd the daemon is ready, pets the watchdog while it runs, and says STOPPING on shutdown.
struct SystemdService: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        notifier.notify("READY=1")
        let interval = notifier.watchdogInterval
        try? await cancelWhenGracefulShutdown {
            guard let interval else { return try await gracefulShutdown() }
            while true {
                notifier.notify("WATCHDOG=1")
                try await Task.sleep(for: interval)
            }
        }
        notifier.notify("STOPPING=1")
    }
}
