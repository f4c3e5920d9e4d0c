/// A snooze request that cannot be carried out, in words for the command line.
public struct SnoozeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The sentence to print.
    public let description: String
}
