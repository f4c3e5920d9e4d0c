/// What came back from one ``HTTPRequest``: an HTTP answer, a curl failure, or both.
public struct HTTPResult: Sendable {
    /// The HTTP status of the final response; nil when no HTTP response arrived.
    public var status: Int?
    /// libcurl's result code (`CURLcode`); 0 when the transfer completed.
    public var curlCode: Int
    /// libcurl's description of a failure (`curl_easy_strerror`, then the error buffer's detail), with URLs
    /// reduced to scheme and host; nil on success.
    public var curlMessage: String?
    /// The operating system's `errno` behind a connection failure (`CURLINFO_OS_ERRNO`), when there was one.
    public var osErrorCode: Int?
    /// The final response's headers, in order, names lowercased and values trimmed.
    public var headers: [HTTPHeader]
    /// The start of the response body, at most the request's `maxResponseBytes`.
    public var body: [UInt8]
    /// True when the response body was longer than what ``body`` kept.
    public var isBodyTruncated: Bool
    /// Seconds from submission to completion, measured with a monotonic clock.
    public var latency: Double

    /// Creates a result (the engine builds these; tests and classifiers may too).
    public init(
        status: Int?,
        curlCode: Int = 0,
        curlMessage: String? = nil,
        osErrorCode: Int? = nil,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        isBodyTruncated: Bool = false,
        latency: Double = 0
    ) {
        self.status = status
        self.curlCode = curlCode
        self.curlMessage = curlMessage
        self.osErrorCode = osErrorCode
        self.headers = headers
        self.body = body
        self.isBodyTruncated = isBodyTruncated
        self.latency = latency
    }

    /// The value of the first response header called `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.value(for: name)
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
