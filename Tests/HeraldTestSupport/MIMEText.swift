import Foundation

/// Decoding helpers for tests that read the emails Herald writes.
public enum MIMEText {
    /// The parts of a `multipart/*` message body, each as (headers, decoded body text).
    public static func parts(of data: String, boundary: String) -> [(headers: String, body: String)] {
        let sections = data.components(separatedBy: "--\(boundary)")
        return sections.dropFirst().compactMap { section -> (String, String)? in
            guard !section.hasPrefix("--") else { return nil }
            // "\r\n" is one Character in Swift.
            let trimmed = section.hasPrefix("\r\n") ? String(section.dropFirst()) : section
            guard let split = trimmed.range(of: "\r\n\r\n") else { return nil }
            let headers = String(trimmed[..<split.lowerBound])
            var body = String(trimmed[split.upperBound...])
            if body.hasSuffix("\r\n") { body.removeLast() }
            let decoded = headers.lowercased().contains("quoted-printable") ? decodeQuotedPrintable(body) : body
            return (headers, decoded)
        }
    }

    /// RFC 2045 quoted-printable decoding (soft breaks removed, `=XX` decoded, CRLF kept as LF).
    public static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        var bytes: [UInt8] = []
        var utf8 = Array(joined.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "="), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of a header value made of RFC 2047 `=?UTF-8?B?…?=` words (plain text is returned unchanged).
    public static func decodeEncodedWords(_ value: String) -> String {
        guard value.hasPrefix("=?") else { return value }
        return value.split(separator: " ").map { word -> String in
            let inner = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Data(base64Encoded: String(inner)).map { String(decoding: $0, as: UTF8.self) } ?? String(word)
        }.joined()
    }
}
