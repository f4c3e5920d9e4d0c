/// Deterministic identifiers derived from what they name, so the same decision always yields the same id.
enum StableHash {
    /// A 128-bit FNV-1a hash of `parts`, as 26 base-32 characters (no i, l, o, u).
    static func base32(_ parts: [String]) -> String {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = 0x8422_2325_cbf2_9ce4
        for part in parts {
            for byte in part.utf8 {
                high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9_7f4a_7c15
            }
            high = (high ^ 0x1f) &* 0x0000_0100_0000_01b3
            low = (low ^ 0x1f) &* 0x0000_0100_0000_01b3
        }
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(26)
        for index in 0..<26 {
            let bit = index * 5
            let word = bit < 64 ? high : low
            let shift = bit % 64
            var value = (word >> UInt64(shift)) & 0x1f
            if shift > 59, bit < 64 { value |= (low << UInt64(64 - shift)) & 0x1f }
            characters.append(alphabet[Int(value)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
