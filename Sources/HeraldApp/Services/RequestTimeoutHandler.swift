import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Bounds how long one request may take (`server.request_timeout`): from the moment its head arrives, a request
/// not answered in time (a body trickled in, a handler stuck) is answered 408 when no answer has begun, and its
/// connection closed either way. Hummingbird's idle timeout covers the time before a head arrives.
final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Whether the answer to the current request has begun.
    private var answering = false

    /// A handler closing requests that take longer than `timeout`.
    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            answering = false
            timer?.cancel()
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in expire(context) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: answering = true
        case .end: stopTimer()
        case .body: break
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimer()
    }

    private func expire(_ context: ChannelHandlerContext) {
        timer = nil
        if !answering {
            let response = HTTPResponse(
                status: .requestTimeout, headerFields: [.connection: "close", .contentLength: "0"]
            )
            context.write(wrapOutboundOut(.head(response)), promise: nil)
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.flush()
        context.close(promise: nil)
    }

    private func stopTimer() {
        timer?.cancel()
        timer = nil
    }
}
