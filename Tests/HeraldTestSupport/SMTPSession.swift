import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves one connection of a ``TestSMTPServer``: reads command lines and answers them, stage by stage, with
/// the server's scripted replies or the defaults.
struct SMTPSession {
    let fd: Int32
    let number: Int
    let stopFD: Int32
    let core: SMTPServerCore
    private var buffer: [UInt8] = []
    private var from = ""
    private var recipients: [String] = []

    init(fd: Int32, number: Int, stopFD: Int32, core: SMTPServerCore) {
        self.fd = fd
        self.number = number
        self.stopFD = stopFD
        self.core = core
    }

    mutating func serve() {
        guard answer(.greeting, fallback: "220 127.0.0.1 herald test SMTP ready") else { return }
        while let line = readLine() {
            core.record(command: line)
            let verb = line.prefix { $0 != " " }.uppercased()
            let argument = line.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
            let keepGoing: Bool
            switch verb {
            case "EHLO":
                let auth = core.advertisesAuth ? "250-AUTH PLAIN\r\n" : ""
                keepGoing = answer(.ehlo, fallback: "250-127.0.0.1\r\n\(auth)250 8BITMIME")
            case "HELO":
                keepGoing = answer(.ehlo, fallback: "250 127.0.0.1")
            case "AUTH":
                keepGoing = authenticate(argument)
            case "MAIL":
                from = Self.address(in: argument)
                recipients = []
                keepGoing = answer(.mailFrom, fallback: "250 2.1.0 sender ok")
            case "RCPT":
                let reply = core.reply(.rcptTo, fallback: "250 2.1.5 recipient ok")
                if reply.hasPrefix("2") { recipients.append(Self.address(in: argument)) }
                keepGoing = send(reply)
            case "DATA":
                keepGoing = receiveData()
            case "RSET":
                from = ""
                recipients = []
                keepGoing = send("250 2.0.0 reset")
            case "NOOP":
                keepGoing = send("250 2.0.0 ok")
            case "QUIT":
                _ = send("221 2.0.0 bye")
                return
            default:
                keepGoing = send("502 5.5.2 command not recognized")
            }
            guard keepGoing else { return }
        }
    }

    /// `AUTH PLAIN [initial-response]`: asks for the credentials when absent, then answers the `auth` stage.
    private mutating func authenticate(_ argument: String) -> Bool {
        let parts = argument.split(separator: " ")
        guard parts.first?.uppercased() == "PLAIN" else { return send("504 5.5.4 mechanism not supported") }
        if parts.count < 2 {
            guard send("334 "), let credentials = readLine() else { return false }
            core.record(command: credentials)
        }
        return answer(.auth, fallback: "235 2.7.0 authenticated")
    }

    /// `DATA`: the `data` reply, then the message up to `.` with leading dots unstuffed, then `endOfData`.
    private mutating func receiveData() -> Bool {
        let reply = core.reply(.data, fallback: "354 end data with <CR><LF>.<CR><LF>")
        guard send(reply), reply.hasPrefix("354") else { return !reply.isEmpty }
        var lines: [String] = []
        while let line = readLine() {
            if line == "." {
                let final = core.reply(.endOfData, fallback: "250 2.0.0 queued")
                let data = lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
                core.record(ReceivedMail(
                    from: from, recipients: recipients, data: data, finalReply: final, sessionNumber: number
                ))
                return send(final)
            }
            lines.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
        }
        return false
    }

    private func answer(_ stage: TestSMTPServer.Stage, fallback: String) -> Bool {
        send(core.reply(stage, fallback: fallback))
    }

    private func send(_ reply: String) -> Bool {
        ReceiverSocket.sendAll(fd, Array((reply + "\r\n").utf8))
    }

    /// The next line without its CRLF (or LF); nil at end of stream, on error, or when the server stops.
    private mutating func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 1_048_576, ReceiverSocket.waitReadable(fd, stopFD: stopFD) else { return nil }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// `FROM:<a@b> SIZE=…` → `a@b`.
    private static func address(in argument: String) -> String {
        guard let open = argument.firstIndex(of: "<"), let close = argument[open...].firstIndex(of: ">") else {
            return argument
        }
        return String(argument[argument.index(after: open)..<close])
    }
}
