import Hummingbird
import NIOCore

/// The context of every request: Hummingbird's basics and the address of the connection's peer, from which the
/// login throttle tells clients apart (through `X-Forwarded-For` only when that peer is a trusted proxy).
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer; nil when there is none (in-process tests).
    public let remoteAddress: SocketAddress?

    /// The context of a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
