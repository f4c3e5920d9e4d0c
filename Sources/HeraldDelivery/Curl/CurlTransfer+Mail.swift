import CCurlShim

/// SMTP submission on an easy handle: the envelope, TLS policy, credentials, and the message served through
/// `CURLOPT_READFUNCTION`.
extension CurlTransfer {
    /// The options of an SMTP upload; nil when an address contains a control character.
    func configureMail(_ mail: MailEnvelope) -> [CURLcode]? {
        let addresses = [mail.from] + mail.recipients
        guard !mail.recipients.isEmpty,
            !addresses.contains(where: { $0.utf8.contains { $0 < 0x20 || $0 == 0x7f } })
        else { return nil }
        for recipient in mail.recipients {
            guard let appended = curl_slist_append(recipientList, "<\(recipient)>") else { return nil }
            recipientList = appended
        }
        let useSSL: curl_usessl = mail.security == .plaintext ? CURLUSESSL_NONE : CURLUSESSL_ALL
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            herald_easy_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(mail.from)>"),
            herald_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, recipientList),
            herald_easy_setopt_long(easy, CURLOPT_USE_SSL, Int(useSSL.rawValue)),
            herald_easy_setopt_long(easy, CURLOPT_UPLOAD, 1),
            herald_easy_setopt_offset(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(requestBody.count)),
            herald_easy_setopt_read_callback(easy) { buffer, size, count, userdata in
                guard let buffer, let transfer = CurlTransfer.from(userdata) else { return 0 }
                return transfer.readMessage(into: buffer, capacity: size * count)
            },
            herald_easy_setopt_pointer(easy, CURLOPT_READDATA, userdata),
        ]
        if let username = mail.username {
            codes.append(herald_easy_setopt_string(easy, CURLOPT_USERNAME, username.value))
        }
        if let password = mail.password {
            codes.append(herald_easy_setopt_string(easy, CURLOPT_PASSWORD, password.value))
        }
        if !mail.verifiesPeer {
            codes.append(herald_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0))
            codes.append(herald_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0))
        }
        return codes
    }

    /// Copies the next part of the message into curl's buffer; 0 once all of it was sent.
    private func readMessage(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let length = min(capacity, requestBody.count - uploadOffset)
        guard length > 0, let base = requestBody.baseAddress else { return 0 }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + uploadOffset, byteCount: length)
        uploadOffset += length
        return length
    }

    /// Keeps the server's latest reply lines (the header callback receives SMTP replies), each cut at 200
    /// characters.
    func receiveReply(_ line: String) {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty else { return }
        if replies.count == 16 { replies.removeFirst() }
        replies.append(String(trimmed.prefix(200)))
    }

    /// The last reply line with the code `CURLINFO_RESPONSE_CODE` reports (not the `221` that answers the
    /// `QUIT` curl sends when it drops a failed session); empty when there is none.
    func reply(to code: Int) -> String {
        guard code > 0 else { return "" }
        return replies.last { $0.hasPrefix(String(code)) } ?? ""
    }
}
