/// A day of the week, Monday first, spelled as in the config (`mon` ... `sun`).
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable {
    case mon, tue, wed, thu, fri, sat, sun

    /// `Mon` ... `Sun`.
    public var displayName: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }
}
