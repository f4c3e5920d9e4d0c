import HeraldCore
import Hummingbird
import NIOCore

/// Builds `application/json` responses from the JSON text the reports render.
enum JSONResponse {
    /// A response whose body is `json`.
    static func make(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n"))
        )
    }

    /// A response whose body is `value` encoded as JSON.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        make(JSONOutput.pretty(value), status: status)
    }
}
