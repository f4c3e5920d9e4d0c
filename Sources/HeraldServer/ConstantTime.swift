/// Compares secrets (tokens, signatures) so that the time taken tells nothing but the length.
enum ConstantTime {
    /// Whether `given` equals `expected`, comparing every byte whatever the first difference. An empty `expected`
    /// matches nothing, not even an empty `given`: a secret configured empty never opens anything.
    static func equal(_ given: some StringProtocol, _ expected: some StringProtocol) -> Bool {
        let given = Array(given.utf8)
        let expected = Array(expected.utf8)
        var difference = UInt8(given.count == expected.count && !expected.isEmpty ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }

    /// The credentials of the `Authorization` value `header` when its scheme is `Bearer`, in any case (RFC 9110
    /// §11.1), followed by one or more spaces; nil for another scheme.
    static func bearerCredentials(_ header: String) -> Substring? {
        guard let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer" else { return nil }
        return header[space...].drop { $0 == " " }
    }

    /// Whether the `Authorization` value `header` is `Bearer TOKEN` with TOKEN equal to `token` (never when `token`
    /// is empty).
    static func isBearer(_ header: String, _ token: String) -> Bool {
        bearerCredentials(header).map { equal($0, token) } ?? false
    }
}
