import CCurlShim

/// One easy handle and everything it needs alive until it completes: request body, header list, error buffer,
/// and the response collected so far. Owned and touched only by the loop thread.
final class CurlTransfer {
    let submission: CurlSubmission
    let easy: UnsafeMutableRawPointer
    /// The ``CurlHostQueue`` key of the request's URL.
    let hostKey: String
    /// What is left of the request's total timeout after waiting in the engine's queue.
    private let timeoutMilliseconds: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The `CURLOPT_MAIL_RCPT` list of an SMTP transfer.
    var recipientList: UnsafeMutablePointer<curl_slist>?
    /// The request body, also the message an SMTP transfer uploads.
    let requestBody: UnsafeMutableBufferPointer<UInt8>
    /// How much of ``requestBody`` an upload has handed to libcurl.
    var uploadOffset = 0
    /// An SMTP transfer's latest reply lines from the server, oldest first.
    var replies: [String] = []
    private let errorBuffer: UnsafeMutableBufferPointer<CChar>
    private let maxResponseBytes: Int
    private var responseBody: [UInt8] = []
    private var responseHeaders: [HTTPHeader] = []
    private var bodyTruncated = false

    /// Response headers kept per response, against a receiver that never stops sending them.
    private static let maxHeaderCount = 200

    /// Wraps a fresh easy handle; the transfer owns and eventually cleans it up.
    init(submission: CurlSubmission, easy: UnsafeMutableRawPointer, hostKey: String, timeoutMilliseconds: Int) {
        self.submission = submission
        self.easy = easy
        self.hostKey = hostKey
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxResponseBytes = max(0, submission.request.maxResponseBytes)
        let body = submission.request.body
        requestBody = .allocate(capacity: max(1, body.count))
        _ = requestBody.initialize(from: body)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        curl_slist_free_all(recipientList)
        requestBody.deallocate()
        errorBuffer.deallocate()
    }

    var id: UInt64 { submission.id }

    /// The handle's address, the loop's key for it.
    var key: UInt { UInt(bitPattern: easy) }

    // MARK: - Set-up

    /// Applies every option the request needs; returns the first failing code, or nil when all were set.
    func configure() -> (code: Int, message: String)? {
        let request = submission.request
        guard !request.url.utf8.contains(0) else { return (3, "invalid URL") }
        if request.mail == nil {
            guard Self.isToken(request.method) else { return (43, "invalid HTTP method") }
            for header in request.headers where !Self.isValid(header) {
                return (43, "invalid request header")
            }
            guard buildHeaderList(request.headers) else { return (27, "out of memory") }
        }

        let userdata = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            herald_easy_setopt_string(easy, CURLOPT_URL, request.url),
            herald_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            herald_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, request.allowedProtocols),
            herald_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, request.allowedProtocols),
            herald_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0),
            herald_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlMilliseconds),
            herald_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeoutMilliseconds),
            herald_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress),
            herald_easy_setopt_write_callback(easy) { data, size, count, userdata in
                CurlTransfer.from(userdata)?.receiveBody(data, size * count)
                return size * count
            },
            herald_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, userdata),
            herald_easy_setopt_header_callback(easy) { data, size, count, userdata in
                CurlTransfer.from(userdata)?.receiveHeader(data, size * count)
                return size * count
            },
            herald_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, userdata),
            herald_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList),
        ]
        if let limit = request.lowSpeedLimit {
            codes.append(herald_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, max(1, limit.bytesPerSecond)))
            let seconds = max(1, Int(limit.duration.seconds.rounded(.up)))
            codes.append(herald_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, seconds))
        }
        if request.url.prefix(8).lowercased() == "https://" {
            // Wait for a TLS connection's ALPN answer to multiplex over HTTP/2 instead of opening another.
            codes.append(herald_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1))
        }
        if let mail = request.mail {
            guard let mailCodes = configureMail(mail) else { return (43, "invalid mail envelope") }
            codes += mailCodes
        } else {
            codes += configureMethod(request)
        }
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            return (Int(failed.rawValue), String(cString: curl_easy_strerror(failed)))
        }
        return nil
    }

    private func configureMethod(_ request: HTTPRequest) -> [CURLcode] {
        let sendsBody: Bool
        var codes: [CURLcode] = []
        switch request.method {
        case "POST":
            sendsBody = true
        case "GET":
            sendsBody = false
            codes.append(herald_easy_setopt_long(easy, CURLOPT_HTTPGET, 1))
        case "HEAD":
            sendsBody = false
            codes.append(herald_easy_setopt_long(easy, CURLOPT_NOBODY, 1))
        default:
            sendsBody = !request.body.isEmpty
            codes.append(herald_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if sendsBody {
            codes.append(herald_easy_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            codes.append(herald_easy_setopt_pointer(easy, CURLOPT_POSTFIELDS, requestBody.baseAddress))
        }
        return codes
    }

    /// Builds the curl header list: the request's headers, plus `Expect:` (no 100-continue round trip) and
    /// `Content-Type:` (no implicit form encoding) removals unless the request set them.
    private func buildHeaderList(_ headers: [HTTPHeader]) -> Bool {
        var lines = headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if headers.value(for: "expect") == nil { lines.append("Expect:") }
        if headers.value(for: "content-type") == nil { lines.append("Content-Type:") }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else { return false }
            headerList = appended
        }
        return true
    }

    private static func isValid(_ header: HTTPHeader) -> Bool {
        isToken(header.name) && !header.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
    }

    /// RFC 9110 `token`: the characters allowed in methods and header names.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    // MARK: - Callbacks (loop thread, inside curl_multi_perform)

    static func from(_ userdata: UnsafeMutableRawPointer?) -> CurlTransfer? {
        userdata.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) {
        guard let data, length > 0 else { return }
        let room = maxResponseBytes - responseBody.count
        if length > room { bodyTruncated = true }
        guard room > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: data, count: min(room, length))
        responseBody.append(contentsOf: bytes)
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) {
        guard let data, length > 0 else { return }
        let line = UnsafeRawBufferPointer(start: data, count: length)
        if submission.request.mail != nil {
            receiveReply(String(decoding: line, as: UTF8.self))
            return
        }
        if line.starts(with: "HTTP/".utf8) {
            // A new response begins (after 1xx, or a proxy's CONNECT answer): keep only the final one's headers.
            responseHeaders.removeAll()
            return
        }
        // Split as bytes: this runs for every header of every answer, on the engine's only thread.
        guard responseHeaders.count < Self.maxHeaderCount, let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            return
        }
        let name = Self.trimmed(line[..<colon])
        guard !name.isEmpty else { return }
        responseHeaders.append(HTTPHeader(
            name: String(decoding: name, as: UTF8.self).lowercased(),
            value: String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
        ))
    }

    /// Without leading and trailing spaces, tabs, CR and LF, as `trimmingWhitespace()` trims text.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    // MARK: - Completion

    /// The result of the finished transfer with curl's `code`.
    func result(code: CURLcode) -> HTTPResult {
        var status = 0
        _ = herald_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var osError = 0
        _ = herald_easy_getinfo_long(easy, CURLINFO_OS_ERRNO, &osError)
        var message: String?
        if code != CURLE_OK {
            message = String(cString: curl_easy_strerror(code))
            let detail = errorBuffer.withMemoryRebound(to: UInt8.self) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !detail.isEmpty {
                message! += ": " + URLRedaction.redact(detail, requestURL: submission.request.url)
            }
        }
        return HTTPResult(
            status: status > 0 ? status : nil,
            curlCode: Int(code.rawValue),
            curlMessage: message,
            osErrorCode: osError != 0 ? osError : nil,
            headers: responseHeaders,
            body: submission.request.mail == nil ? responseBody : Array(reply(to: status).utf8),
            isBodyTruncated: bodyTruncated,
            latency: (ContinuousClock.now - submission.submittedAt).seconds
        )
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CR and LF.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
