import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves one connection of a ``TestHTTPReceiver``: parses HTTP/1.1 requests (keep-alive, `Content-Length`
/// bodies) and answers each according to the receiver's script.
struct ReceiverConnection {
    let fd: Int32
    let number: Int
    let stopFD: Int32
    let core: ReceiverCore
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(fd: Int32, number: Int, stopFD: Int32, core: ReceiverCore) {
        self.fd = fd
        self.number = number
        self.stopFD = stopFD
        self.core = core
    }

    mutating func serve() {
        while let (request, keepAlive) = readRequest() {
            let response = core.record(request)
            if response.delay > .zero && !ReceiverSocket.sleep(response.delay, stopFD: stopFD) { return }
            switch response.action {
            case .close:
                return
            case .hang:
                hang()
                return
            case .respond:
                let close = response.closeConnection || !keepAlive
                guard ReceiverSocket.sendAll(fd, Self.encode(response, close: close)), !close else { return }
            case .trickle(let interval):
                trickle(response, every: interval)
                return
            }
        }
    }

    /// Sends the head at once and then the body a byte at a time, until done, the client leaves, or stopping.
    private func trickle(_ response: TestResponse, every interval: Duration) {
        var head = response
        head.body = []
        head.headers.append((name: "Content-Length", value: String(response.body.count)))
        guard ReceiverSocket.sendAll(fd, Self.encode(head, close: true)) else { return }
        for byte in response.body {
            guard ReceiverSocket.sleep(interval, stopFD: stopFD), ReceiverSocket.sendAll(fd, [byte]) else { return }
        }
    }

    /// Waits, discarding input, until the client closes the connection or the receiver stops.
    private func hang() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while ReceiverSocket.waitReadable(fd, stopFD: stopFD) {
            if recv(fd, &scratch, scratch.count, 0) <= 0 { return }
        }
    }

    /// Reads more bytes into the buffer; false at end of stream, on error, or when stopping.
    private mutating func fill() -> Bool {
        guard ReceiverSocket.waitReadable(fd, stopFD: stopFD) else { return false }
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// The next complete request and whether the connection stays open after it; nil when the connection ends.
    private mutating func readRequest() -> (ReceivedRequest, Bool)? {
        var headEnd: Int?
        while true {
            headEnd = Self.find([13, 10, 13, 10], in: buffer)
            if headEnd != nil { break }
            guard buffer.count < 1_048_576, fill() else { return nil }
        }
        guard let headEnd else { return nil }
        // Parsed as bytes: Foundation's string splitting and trimming cost more than the sender under test.
        let lines = Self.lines(buffer[..<headEnd])
        guard let first = lines.first else { return nil }
        let requestLine = first.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: Self.trimmed(line[..<colon]).map(Self.lowercasedASCII), as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        guard headers["transfer-encoding"] == nil else { return nil }  // chunked bodies are not supported
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headEnd + 4
        while buffer.count < bodyStart + length {
            guard fill() else { return nil }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        let version = String(requestLine[2])
        let connection = headers["connection"]?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.0" ? connection.contains("keep-alive") : !connection.contains("close")
        let request = ReceivedRequest(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body,
            arrivedAt: Date(), arrivalInstant: .now, connectionNumber: number
        )
        return (request, keepAlive)
    }

    /// The CRLF-separated lines of a request head.
    private static func lines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 13, index + 1 < head.endIndex, head[index + 1] == 10 {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    /// Without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == 32 || byte == 9 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
              let last = bytes.lastIndex(where: { !isBlank($0) }) else { return [] }
        return bytes[first...last]
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    private static func encode(_ response: TestResponse, close: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for header in response.headers {
            text += "\(header.name): \(header.value)\r\n"
        }
        if !response.headers.contains(where: { $0.name.lowercased() == "content-length" }) {
            text += "Content-Length: \(response.body.count)\r\n"
        }
        if close {
            text += "Connection: close\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + response.body
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
