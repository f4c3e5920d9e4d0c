/// RFC 2045 quoted-printable encoding of UTF-8 text for MIME bodies.
public enum QuotedPrintable {
    /// Encodes `text`: its line breaks (LF or CRLF) become CRLF hard breaks, other bytes outside printable
    /// ASCII become `=XX`, spaces and tabs before a break are encoded, and lines are soft-broken at 76 characters
    /// without splitting an escape. `=` is always escaped, so a boundary containing `=_` never occurs in the output.
    public static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                token = isLast ? escape(byte) : String(UnicodeScalar(byte))
            case 33...60, 62...126:
                token = String(UnicodeScalar(byte))
            default:
                token = escape(byte)
            }
            // Keep room for the soft break `=` unless this token ends the line.
            let limit = isLast ? 76 : 75
            if lineLength + token.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
        return output
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
    }
}
