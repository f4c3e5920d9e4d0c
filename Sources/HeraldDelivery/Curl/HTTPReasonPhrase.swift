/// Standard reason phrases (RFC 9110 and friends) for the statuses a webhook receiver commonly returns.
enum HTTPReasonPhrase {
    private static let phrases: [Int: String] = [
        200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
        301: "Moved Permanently", 302: "Found", 303: "See Other", 307: "Temporary Redirect",
        308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 413: "Content Too Large",
        415: "Unsupported Media Type", 422: "Unprocessable Content", 425: "Too Early", 429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout",
    ]

    /// The phrase for `status`, or nil for an uncommon one.
    static func phrase(for status: Int) -> String? {
        phrases[status]
    }
}
