/// Compares secrets (tokens, signatures) so that the time taken tells nothing but the length.
enum ConstantTime {
    /// Whether `given` equals `expected`, comparing every byte whatever the first difference.
    static func equal(_ given: some StringProtocol, _ expected: some StringProtocol) -> Bool {
        let given = Array(given.utf8)
        let expected = Array(expected.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }

    /// Whether the `Authorization` value `header` is `Bearer TOKEN` with TOKEN equal to `token`.
    static func isBearer(_ header: String, _ token: String) -> Bool {
        header.hasPrefix("Bearer ") && equal(header.dropFirst("Bearer ".count), token)
    }
}
