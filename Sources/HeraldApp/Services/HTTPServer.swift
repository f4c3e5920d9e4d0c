import Foundation
import HeraldCore
import HeraldServer
import Hummingbird
import Logging
import ServiceLifecycle

/// The HTTP server of `server.listen` (SPEC §4) as a service of the daemon's group: it serves the runtime's store
/// and its configuration as of each request, and stops with the group.
enum HTTPServer {
    /// The Hummingbird application listening on `settings.listen`; it verifies acknowledgement links and calendar
    /// keys with the server key of `stateDirectory` (made there when missing).
    static func make(
        _ settings: ServerSettings, runtime: HeraldRuntime, stateDirectory: String, now: @escaping @Sendable () -> Date,
        logger: Logger
    ) throws -> some Service {
        let key = try ServerKeyFile.load(stateDirectory: stateDirectory)
        let router = ServerRouter(
            store: runtime.store, configuration: { await runtime.configuration }, now: now, serverKey: key,
            actions: runtime, operations: runtime.operations
        )
        let address = listenAddress(settings.listen)
        return Application(
            router: router.build(),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            logger: logger
        )
    }

    /// `HOST:PORT` split at its last colon; the brackets of an IPv6 host (`[::1]:9470`) are dropped. The config
    /// reader has checked the port.
    static func listenAddress(_ listen: String) -> (host: String, port: Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
            return (listen, 9470)
        }
        let host = listen[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host, port)
    }
}
