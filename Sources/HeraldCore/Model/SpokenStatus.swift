/// A status whose file value (`in_progress`, `on_hold`) people read in words.
public protocol SpokenStatus: RawRepresentable where RawValue == String {}

extension SpokenStatus {
    /// In words, as people read it: `in progress`, `at risk`, `on hold`.
    public var words: String {
        rawValue.replacingOccurrences(of: "_", with: " ")
    }
}
