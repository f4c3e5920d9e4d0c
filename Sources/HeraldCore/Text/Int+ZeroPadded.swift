extension Int {
    /// The number in decimal, padded with leading zeros to `width` characters, the sign included (as `%0*d`).
    func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: Swift.max(0, width - sign.count - digits.count)) + digits
    }
}
