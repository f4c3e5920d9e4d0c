/// A chat platform's length limit, in the unit that platform counts, with the one deterministic way every
/// format shortens or splits text to fit it (same input, same output).
///
/// Text is cut between characters (grapheme clusters), falling back to Unicode scalars only when a single
/// character is itself over the limit, so the result is always valid text and never over ``maximum``.
public struct TextLimit: Hashable, Sendable {
    /// What a platform counts.
    public enum Unit: Hashable, Sendable {
        /// UTF-16 code units, as JavaScript-style "characters" are counted; never fewer than Swift characters
        /// or Unicode scalars, so a text within this limit is within a character limit however it is counted.
        case characters
        /// UTF-8 bytes.
        case bytes
    }

    /// The most units allowed.
    public var maximum: Int
    /// The unit counted.
    public var unit: Unit

    /// Creates a limit of `maximum` `unit`s; at least 4, so that any one Unicode scalar fits.
    public init(_ maximum: Int, _ unit: Unit) {
        self.maximum = max(maximum, 4)
        self.unit = unit
    }

    /// At most `maximum` characters (counted as UTF-16 code units).
    public static func characters(_ maximum: Int) -> TextLimit { TextLimit(maximum, .characters) }

    /// At most `maximum` UTF-8 bytes.
    public static func bytes(_ maximum: Int) -> TextLimit { TextLimit(maximum, .bytes) }

    /// The ellipsis that marks shortened text.
    public static let ellipsis = "…"

    /// The length of `text` in ``unit``.
    public func length(of text: some StringProtocol) -> Int {
        switch unit {
        case .characters: text.utf16.count
        case .bytes: text.utf8.count
        }
    }

    /// True when `text` is within the limit.
    public func admits(_ text: some StringProtocol) -> Bool {
        length(of: text) <= maximum
    }

    /// `text` itself when it fits; otherwise its longest start that fits with an ellipsis appended.
    public func truncating(_ text: String) -> String {
        guard !admits(text) else { return text }
        let budget = maximum - length(of: Self.ellipsis)
        let kept = Substring(text.unicodeScalars[..<fittingEnd(of: text[...], budget: budget)])
        return String(kept.reversed().drop { $0.isWhitespace }.reversed()) + Self.ellipsis
    }

    /// `text` in pieces that each fit, in order, which joined give `text` back exactly. A piece ends after
    /// the last line break in it, else after the last space, when that keeps at least half of the piece;
    /// otherwise it is cut at the limit. An empty text is one empty piece.
    public func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var rest = text[...]
        while !admits(rest) {
            let end = fittingEnd(of: rest, budget: maximum)
            let cut = breakPoint(in: Substring(rest.unicodeScalars[..<end])) ?? end
            pieces.append(String(Substring(rest.unicodeScalars[..<cut])))
            rest = Substring(rest.unicodeScalars[cut...])
        }
        pieces.append(String(rest))
        return pieces
    }

    /// The end of the longest start of `text` within `budget` units; past the first scalar whenever
    /// `budget` is at least 4 and `text` is not empty. It may fall inside a character: slice with
    /// `unicodeScalars`, never with the character view (which would round it down).
    private func fittingEnd(of text: Substring, budget: Int) -> String.Index {
        var used = 0
        var end = text.startIndex
        for character in text {
            used += length(of: String(character))
            if used > budget { break }
            end = text.index(after: end)
        }
        guard end == text.startIndex else { return end }
        // A single character over the budget: cut between its scalars instead.
        used = 0
        for scalar in text.unicodeScalars {
            used += unit == .characters ? scalar.utf16.count : scalar.utf8.count
            if used > budget { break }
            end = text.unicodeScalars.index(after: end)
        }
        return end
    }

    /// Just after the last line break, else the last space, in the second half of `piece`.
    private func breakPoint(in piece: Substring) -> String.Index? {
        let half = length(of: piece) / 2
        for separator: Character in ["\n", " "] {
            if let index = piece.lastIndex(of: separator), length(of: piece[...index]) >= half {
                return piece.index(after: index)
            }
        }
        return nil
    }
}
