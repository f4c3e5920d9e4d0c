import Foundation

/// A schedule that cannot be read, with the column of the offending word.
public struct DigestScheduleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based column inside the schedule text, counted in characters.
    public let column: Int
    /// A short lowercase phrase such as `unknown weekday 'mnd'`.
    public let message: String

    /// Creates an error.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `message (column N)`.
    public var description: String { "\(message) (column \(column))" }
}

extension DigestSchedule {
    /// Reads a schedule, case-insensitively:
    ///
    /// - `DAYS HH:MM`, DAYS being `daily`, `weekdays` (Monday to Friday), `weekends`, or weekdays separated by
    ///   commas (`mon`, `mon,thu`, `monday`);
    /// - `ORDINAL DAY of month HH:MM`, ORDINAL being `1st` to `5th` or `last` (a month without a 5th one skips);
    /// - five cron fields, `MINUTE HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK`, each `*` or a comma list of values,
    ///   ranges `a-b` and steps `*/n`, `a-b/n`, `a/n`; months `1-12` or `jan`..`dec`, weekdays `0-7` (0 and 7
    ///   are Sunday) or `sun`..`sat`. As in cron, a day matches either day field when both are restricted.
    ///
    /// - Throws: `DigestScheduleError` naming the column of the first problem.
    public init(parsing text: String) throws(DigestScheduleError) {
        let words = Word.split(text.lowercased())
        if words.count == 5 && words[2].text != "of" {
            self = try Self.cron(words)
        } else if words.count == 5 {
            self = try Self.nthWeekday(words)
        } else if words.count == 2 {
            let (hour, minute) = try Self.time(words[1])
            self.init(minutes: [minute], hours: [hour], days: try Self.readableDays(words[0]))
        } else {
            throw DigestScheduleError(
                column: 1, message: "expected a schedule such as 'mon 09:00', 'weekdays 08:30', "
                    + "'1st mon of month 10:00' or five cron fields"
            )
        }
    }

    /// A word of the schedule and its 1-based column.
    struct Word {
        var text: Substring
        var column: Int

        static func split(_ text: String) -> [Word] {
            var words: [Word] = []
            var column = 1
            var start: (index: String.Index, column: Int)?
            for index in text.indices {
                if text[index].isWhitespace {
                    if let open = start { words.append(Word(text: text[open.index..<index], column: open.column)) }
                    start = nil
                } else if start == nil {
                    start = (index, column)
                }
                column += 1
            }
            if let open = start { words.append(Word(text: text[open.index...], column: open.column)) }
            return words
        }
    }

    /// `HH:MM` (or `H:MM`) on a 24-hour clock.
    private static func time(_ word: Word) throws(DigestScheduleError) -> (hour: Int, minute: Int) {
        let parts = word.text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw DigestScheduleError(column: word.column, message: "expected a time HH:MM, not '\(word.text)'")
        }
        return (hour, minute)
    }

    private static func readableDays(_ word: Word) throws(DigestScheduleError) -> Days {
        let all = Set(1...12)
        switch word.text {
        case "daily": return .cron(monthDays: nil, months: all, weekdays: nil)
        case "weekdays": return .cron(monthDays: nil, months: all, weekdays: [.mon, .tue, .wed, .thu, .fri])
        case "weekends": return .cron(monthDays: nil, months: all, weekdays: [.sat, .sun])
        default: break
        }
        var days = Set<Weekday>()
        var column = word.column
        for name in word.text.split(separator: ",", omittingEmptySubsequences: false) {
            days.insert(try weekday(Word(text: name, column: column)))
            column += name.count + 1
        }
        return .cron(monthDays: nil, months: all, weekdays: days)
    }

    /// `mon` or `monday`.
    private static func weekday(_ word: Word) throws(DigestScheduleError) -> Weekday {
        let name = word.text.count > 3 && word.text.hasSuffix("day") ? word.text.prefix(3) : word.text
        guard word.text.count == 3 || Weekday.fullNames.contains(String(word.text)),
              let day = Weekday(rawValue: String(name))
        else {
            throw DigestScheduleError(
                column: word.column,
                message: "unknown day '\(word.text)' (use daily, weekdays, weekends, or mon, tue, wed, thu, fri, sat, "
                    + "sun separated by commas)"
            )
        }
        return day
    }

    /// `1st mon of month 10:00`.
    private static func nthWeekday(_ words: [Word]) throws(DigestScheduleError) -> DigestSchedule {
        let ordinals = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1]
        guard let ordinal = ordinals[String(words[0].text)] else {
            throw DigestScheduleError(
                column: words[0].column, message: "expected 1st, 2nd, 3rd, 4th, 5th or last, not '\(words[0].text)'"
            )
        }
        let day = try weekday(words[1])
        guard words[3].text == "month" else {
            throw DigestScheduleError(column: words[3].column, message: "expected 'month', not '\(words[3].text)'")
        }
        let (hour, minute) = try time(words[4])
        return DigestSchedule(minutes: [minute], hours: [hour], days: .nthWeekday(ordinal: ordinal, weekday: day))
    }
}

extension Weekday {
    /// `monday` ... `sunday`.
    static let fullNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
