import HeraldDelivery
import ServiceLifecycle

/// Runs the dispatcher; on graceful shutdown it stops leasing and drains the attempts under way.
struct DispatcherService: Service {
    let runtime: HeraldRuntime
    let dispatcher: Dispatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            await dispatcher.run()
        } onGracefulShutdown: {
            dispatcher.stop()
        }
        await runtime.shutdown()
    }
}
