import Hummingbird
import NIOCore

extension ServerRouter {
    /// The content type of the Prometheus text exposition format.
    static let prometheusContentType = "text/plain; version=0.0.4; charset=utf-8"

    /// `GET /metrics`: the daemon's metrics in the Prometheus text format, no token (like `/healthz`).
    func addMetrics(to router: Router<ServerRequestContext>) {
        router.get("metrics") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return Response(
                status: .ok, headers: [.contentType: Self.prometheusContentType],
                body: ResponseBody(byteBuffer: ByteBuffer(string: try operations.metricsExposition()))
            )
        }
    }
}
