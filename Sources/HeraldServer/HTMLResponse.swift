import Hummingbird
import NIOCore

/// Builds the server's private HTML pages (the dashboard, acknowledgement and digest pages): `text/html` with what
/// keeps a page and any token in its address private: no caching, no framing, no referrer, no indexing, no scripts,
/// forms posting only to this server.
enum HTMLResponse {
    /// The headers of every such page.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        .init("Referrer-Policy")!: "no-referrer",
        .init("X-Robots-Tag")!: "noindex",
        .init("X-Frame-Options")!: "DENY",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'",
    ]

    /// A page whose body is `html`.
    static func make(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
