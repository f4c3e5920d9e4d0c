/// Text made safe to print on one terminal line: what users wrote (titles, notes, chat commands, a receiver's
/// answer) can neither move the cursor, recolour, retitle or clear the terminal, nor start a line of its own that
/// would read like one of Herald's.
public enum TerminalText {
    /// The character that stands for a control character removed.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `text` with every line break and tab replaced by a space and every other control character (ESC, which
    /// starts the terminal's escape sequences, BEL, backspace, DEL, the C1 controls) and every bidirectional
    /// embedding, override or isolate replaced by ``replacement``; anything else unchanged.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { replacing($0) != nil }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(replacing(scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// `text` line by line, each made ``safe(_:)``: for a report of several lines (a digest preview).
    public static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n")
    }

    /// `text` made ``safeLines(_:)`` with every line after the first indented by `indent`: a message's text of
    /// several lines (a digest) keeps its lines inside a line of Herald's, and none of them can pass for one.
    public static func continued(_ text: String, indent: String) -> String {
        safeLines(text).replacingOccurrences(of: "\n", with: "\n" + indent)
    }

    /// What stands for `scalar` on a terminal line; nil when it may be printed as it is.
    private static func replacing(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: " "
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: replacement
        default: nil
        }
    }
}
