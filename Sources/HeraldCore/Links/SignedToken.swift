import Foundation

/// The form of every signed link token: `base64url(payload) "." base64url(HMAC-SHA256(server key, payload))`, the
/// payload being compact JSON with sorted keys. Nothing in it is secret; the signature makes it unforgeable.
enum SignedToken {
    /// `payload` signed with `key`: the same text for the same payload and key.
    static func sign(_ payload: some Encodable, with key: ServerKey) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array((try? encoder.encode(payload)) ?? Data())
        return Base64URL.encode(bytes) + "." + Base64URL.encode(key.authenticationCode(for: bytes))
    }

    /// The payload of `text` when it is signed with `key` (checked in constant time before anything is decoded) and
    /// decodes as `Payload`; nil otherwise.
    static func payload<Payload: Decodable>(of text: String, as _: Payload.Type, key: ServerKey) -> Payload? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let code = Base64URL.decode(parts[1]),
              key.isValid(code, for: payload)
        else { return nil }
        return try? JSONDecoder().decode(Payload.self, from: Data(payload))
    }
}

/// What a presented link token is.
public enum LinkVerdict<Token: Hashable & Sendable>: Hashable, Sendable {
    /// Signed with the key and not expired.
    case valid(Token)
    /// Signed with the key, but its time is up.
    case expired(Token)
    /// Garbled, or not signed with the key.
    case invalid

    /// `.valid` before `expires`, `.expired` from that second on.
    init(_ token: Token, expires: Date, now: Date) {
        self = now < expires ? .valid(token) : .expired(token)
    }
}
