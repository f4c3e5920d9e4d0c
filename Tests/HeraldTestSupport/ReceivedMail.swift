import Foundation

/// One message a ``TestSMTPServer`` received through `DATA`, whether or not it then accepted it.
public struct ReceivedMail: Sendable {
    /// The `MAIL FROM` address, without angle brackets.
    public var from: String
    /// The accepted `RCPT TO` addresses, without angle brackets.
    public var recipients: [String]
    /// The message after dot-unstuffing, CRLF line endings kept, without the terminating `.` line.
    public var data: String
    /// The reply the server gave at the end of `DATA` (`250 …` when accepted).
    public var finalReply: String
    /// The number of the connection (session) it arrived on, from 1.
    public var sessionNumber: Int

    /// True when the end-of-data reply was 2xx.
    public var isAccepted: Bool { finalReply.hasPrefix("2") }

    /// The header block (up to the first empty line).
    public var headerText: String {
        data.components(separatedBy: "\r\n\r\n").first ?? ""
    }

    /// The unfolded value of the first header called `name` (case-insensitive), trimmed.
    public func header(_ name: String) -> String? {
        let unfolded = headerText.replacingOccurrences(of: "\r\n ", with: " ")
            .replacingOccurrences(of: "\r\n\t", with: " ")
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == name.lowercased() {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
