import Foundation

/// RFC 2047 encoded-words for header text that is not plain ASCII (`=?UTF-8?B?…?=`).
public enum EncodedWord {
    /// `text` unchanged when it is printable ASCII; otherwise base64 encoded-words of at most 75 characters
    /// each, split between whole UTF-8 characters and joined by a folding CRLF and space.
    public static func encodeIfNeeded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 > 0x7e }) else { return text }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes of UTF-8 at most.
        let maxBytes = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let cleaned = character.isNewline ? " " : String(character)
            let bytes = Array(cleaned.utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}

