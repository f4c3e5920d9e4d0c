import Foundation
import HeraldCore
import HeraldServer
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP server of `server.listen` as a service of the daemon's group: it serves the runtime's store, its
/// configuration and its server key as of each request, and stops with the group. The limits of `server:` (idle and
/// request timeouts, connection cap) are set when it starts.
enum HTTPServer {
    /// The Hummingbird application listening on `settings.listen`, with `settings.limits`.
    static func make(
        _ settings: ServerSettings, runtime: HeraldRuntime, now: @escaping @Sendable () -> Date, logger: Logger
    ) -> some Service {
        let router = ServerRouter(
            store: runtime.store, configuration: { await runtime.configuration }, now: now,
            serverKey: { await runtime.serverKey }, actions: runtime, operations: runtime.operations
        )
        let address = listenAddress(settings.listen)
        let limits = settings.limits
        return Application(
            router: router.build(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestTimeoutHandler(timeout: amount(limits.requestTimeout))],
                idleTimeout: amount(limits.idleTimeout)
            )),
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port),
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)
            ),
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

    private static func amount(_ seconds: Double) -> TimeAmount {
        .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}
