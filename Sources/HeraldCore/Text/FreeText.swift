/// The rule for free text a person sends Herald through the API, a page's form or a chat command (a note, a name):
/// at most ``maxLength`` characters, and no control character but line breaks and tabs, which would reach
/// terminals, logs and chat as they are.
public enum FreeText {
    /// The longest text taken, in characters: the default `limits.text_length` of the files.
    public static let maxLength = InputLimits().textLength

    /// What is wrong with `text`, in words to follow its name ("is longer than 2000 characters"); nil when nothing.
    public static func problem(in text: String) -> String? {
        if text.count > maxLength { return "is longer than \(maxLength) characters" }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        if let control = text.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control && !allowed.contains($0)
        }) {
            return "holds a control character (U+\(String(control.value, radix: 16, uppercase: true)))"
        }
        return nil
    }
}
