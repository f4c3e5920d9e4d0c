/// iCalendar text (RFC 5545 §3.1): each content line ends with CRLF and is folded so that no line is longer than
/// 75 octets, a continuation starting with one space; a fold never splits a UTF-8 sequence.
struct ICalendarText {
    /// The longest line in octets, CRLF not counted.
    static let lineLimit = 75

    private(set) var text = ""

    /// Appends the content line `name:value`; `name` may carry parameters (`DTSTART;VALUE=DATE`) and `value` is
    /// written as it is.
    mutating func property(_ name: String, _ value: String) {
        var line = ""
        var octets = 0
        for scalar in (name + ":" + value).unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > Self.lineLimit {
                text += line + "\r\n"
                line = " "
                octets = 1
            }
            line.unicodeScalars.append(scalar)
            octets += size
        }
        text += line + "\r\n"
    }

    /// Appends the content line `name:value` with `value` escaped as TEXT.
    mutating func text(_ name: String, _ value: String) {
        property(name, Self.escaped(value))
    }

    /// `value` as a TEXT value: backslash, semicolon and comma escaped, every line break as `\n`, a tab as a space,
    /// other control characters left out.
    static func escaped(_ value: String) -> String {
        var escaped = ""
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            case "\t": escaped += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: break // no other control character is TEXT
            default: escaped.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return escaped
    }
}
