import Foundation

/// An IP address or a CIDR block (`10.0.0.7`, `192.168.0.0/16`, `::1`, `fd00::/8`): one entry of
/// `server.trusted_proxies`.
public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
    /// The network's bytes (4 for IPv4, 16 for IPv6).
    let bytes: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int
    /// The text it was read from.
    public let description: String

    /// Reads `ADDRESS` or `ADDRESS/BITS`; nil when the address is not IPv4 or IPv6 or BITS is out of range.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let bits = Int(parts[1]), (0...bytes.count * 8).contains(bits),
                  parts[1].allSatisfy(\.isASCII)
            else { return nil }
            length = bits
        } else {
            length = bytes.count * 8
        }
        self.bytes = bytes
        prefixLength = length
        description = text
    }

    /// Whether the address `text` lies in this range; false when it is no address or of the other family (an
    /// IPv4-mapped IPv6 address, `::ffff:10.0.0.7`, counts as its IPv4 address).
    public func contains(_ text: String) -> Bool {
        guard let address = Self.bytes(of: text), address.count == bytes.count else { return false }
        var remaining = prefixLength
        for (given, network) in zip(address, bytes) where remaining > 0 {
            let mask = remaining >= 8 ? UInt8(0xFF) : UInt8(0xFF) << (8 - remaining)
            guard given & mask == network & mask else { return false }
            remaining -= 8
        }
        return true
    }

    /// The bytes of the IPv4 or IPv6 address `text` (an IPv4-mapped IPv6 address as its 4 IPv4 bytes); nil when it is
    /// neither.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mapped = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]
        return Array(bytes.prefix(12)) == mapped ? Array(bytes.suffix(4)) : bytes
    }
}
