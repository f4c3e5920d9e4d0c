import Foundation
import Testing
@testable import HeraldCore

/// Acknowledgement tokens and calendar keys: signed with the server key, deterministic, and refused when forged,
/// garbled or (for tokens) expired.
@Suite struct AckTokenTests {
    static let key = ServerKey(bytes: Array(0..<32))!
    static let otherKey = ServerKey(bytes: Array(repeating: 7, count: 32))!
    static let expires = Date(timeIntervalSince1970: 1_796_000_000)
    static let token = AckToken(escalationID: "esc_0123456789", recipient: .person("alice"), expires: expires)

    @Test func aSignedTokenVerifiesUntilItExpires() {
        let text = Self.token.signed(with: Self.key)
        #expect(text == Self.token.signed(with: Self.key), "the same token and key give the same text")
        #expect(AckToken.verify(text, key: Self.key, now: Self.expires.addingTimeInterval(-1)) == .valid(Self.token))
        #expect(AckToken.verify(text, key: Self.key, now: Self.expires) == .expired(Self.token))
    }

    @Test func theTokenIsBase64URLPayloadDotSignature() throws {
        let text = Self.token.signed(with: Self.key)
        let parts = text.split(separator: ".")
        #expect(parts.count == 2)
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        let payload = try #require(Base64URL.decode(parts[0]))
        #expect(String(decoding: payload, as: UTF8.self) == #"{"esc":"esc_0123456789","exp":1796000000,"to":"alice"}"#)
        #expect(Base64URL.decode(parts[1])?.count == 32)
    }

    @Test func aChannelTokenNamesTheChannel() {
        let token = AckToken(escalationID: "esc_1", recipient: .channel("eng"), expires: Self.expires)
        #expect(AckToken.verify(token.signed(with: Self.key), key: Self.key, now: .distantPast) == .valid(token))
        #expect(token.recipient.name == "channel:eng")
        #expect(AckRecipient.person("alice").name == "alice")
    }

    @Test func aMessageToOnePersonIsTheirsAndAnyOtherIsTheChannels() {
        #expect(AckRecipient(ChannelAddress(channel: "eng", people: ["alice"], mentions: ["<@U1>"]))
            == .person("alice"))
        #expect(AckRecipient(ChannelAddress(channel: "eng", people: ["alice", "bob"], mentions: ["a", "b"]))
            == .channel("eng"))
        #expect(AckRecipient(ChannelAddress(channel: "board", people: [], mentions: [])) == .channel("board"))
    }

    /// Every way a token can be wrong that is not expiry.
    static func forgeries() -> [String] {
        let text = token.signed(with: key)
        let parts = text.split(separator: ".").map(String.init)
        let payload = Base64URL.decode(parts[0])!
        var tampered = payload
        tampered[tampered.count - 2] ^= 1
        let longer = AckToken(escalationID: "esc_0123456789", recipient: .person("alice"),
                              expires: expires.addingTimeInterval(86_400 * 365))
        let unsignedJSON = Base64URL.encode(Array(#"{"esc":"esc_1","exp":1}"#.utf8))
        return [
            "", ".", "abc", parts[0], parts[0] + ".", "." + parts[1], text + ".x", text + "=", "%%%." + parts[1],
            Base64URL.encode(tampered) + "." + parts[1],
            String(longer.signed(with: key).split(separator: ".")[0]) + "." + parts[1],
            token.signed(with: otherKey),
            unsignedJSON + "." + Base64URL.encode(key.authenticationCode(for: Array(#"{"esc":"esc_1","exp":1}"#.utf8))),
            parts[0] + "." + String(parts[1].dropLast()),
        ]
    }

    @Test(arguments: forgeries())
    func aForgedOrGarbledTokenIsInvalid(text: String) {
        #expect(AckToken.verify(text, key: Self.key, now: .distantPast) == .invalid)
    }

    @Test(arguments: 0...7)
    func base64URLRoundTrips(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 97 + 251) }
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
    }

    @Test func theKeyNeverShowsItsBytes() {
        #expect("\(Self.key)" == "ServerKey(redacted)")
        #expect(ServerKey(bytes: Array(0..<31)) == nil)
    }

    @Test func aCalendarKeyOpensItsOwnScopeOnly() {
        let all = CalendarLink.key(for: .all, with: Self.key)
        let apollo = CalendarLink.key(for: .project("apollo"), with: Self.key)
        #expect(CalendarLink.isValid(all, for: .all, with: Self.key))
        #expect(CalendarLink.isValid(apollo, for: .project("apollo"), with: Self.key))
        #expect(!CalendarLink.isValid(apollo, for: .all, with: Self.key))
        #expect(!CalendarLink.isValid(all, for: .project("all"), with: Self.key))
        #expect(!CalendarLink.isValid(apollo, for: .project("zeus"), with: Self.key))
        #expect(!CalendarLink.isValid(all, for: .all, with: Self.otherKey))
        #expect(!CalendarLink.isValid("", for: .all, with: Self.key))
        #expect(!CalendarLink.isValid(String(all.dropLast()), for: .all, with: Self.key))
        let key = CalendarLink.key(for: .project("a b"), with: Self.key)
        #expect(CalendarLink.url(publicURL: "https://h.example/", scope: .project("a b"), with: Self.key)
            == "https://h.example/projects/a%20b/calendar.ics?key=" + key)
    }
}
