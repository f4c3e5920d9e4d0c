import Foundation

extension DigestSchedule {
    /// One cron field: its name in messages, its bounds and its value names.
    private struct CronField {
        var name: String
        var range: ClosedRange<Int>
        var names: [String] = []
        /// The value of `names[0]`.
        var firstNamed = 0
    }

    private static let cronFields = [
        CronField(name: "minute", range: 0...59),
        CronField(name: "hour", range: 0...23),
        CronField(name: "day of month", range: 1...31),
        CronField(
            name: "month", range: 1...12,
            names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], firstNamed: 1
        ),
        CronField(name: "day of week", range: 0...7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ]

    /// `MINUTE HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK`.
    static func cron(_ words: [Word]) throws(DigestScheduleError) -> DigestSchedule {
        var values: [Set<Int>] = []
        for (word, field) in zip(words, cronFields) {
            values.append(try cronValues(word, field))
        }
        let weekdays: [Weekday] = [.sun, .mon, .tue, .wed, .thu, .fri, .sat]
        let monthDays = words[2].text.hasPrefix("*") ? nil : values[2]
        let days = words[4].text.hasPrefix("*") ? nil : Set(values[4].map { weekdays[$0 % 7] })
        if days == nil, let monthDays,
           !values[3].contains(where: { month in monthDays.contains { $0 <= maxDays(month) } }) {
            throw DigestScheduleError(column: words[2].column, message: "no month has day \(monthDays.min()!)")
        }
        return DigestSchedule(
            minutes: values[0].sorted(), hours: values[1].sorted(),
            days: .cron(monthDays: monthDays, months: values[3], weekdays: days)
        )
    }

    /// The most days `month` can have.
    private static func maxDays(_ month: Int) -> Int {
        month == 2 ? 29 : [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// A comma list of `*`, `a`, `a-b`, each with an optional `/step`.
    private static func cronValues(_ word: Word, _ field: CronField) throws(DigestScheduleError) -> Set<Int> {
        var values = Set<Int>()
        var column = word.column
        for item in word.text.split(separator: ",", omittingEmptySubsequences: false) {
            func fail(_ problem: String) -> DigestScheduleError {
                DigestScheduleError(column: column, message: "\(problem) in the \(field.name) field")
            }
            let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            var step = 1
            if parts.count == 2 {
                guard let n = Int(parts[1]), n > 0 else { throw fail("'\(parts[1])' is not a step") }
                step = n
            }
            let range: ClosedRange<Int>
            if parts[0] == "*" {
                range = field.range
            } else {
                let bounds = parts[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                var numbers: [Int] = []
                for bound in bounds {
                    let named = field.names.firstIndex(of: String(bound)).map { $0 + field.firstNamed }
                    guard let number = Int(bound) ?? named else { throw fail("'\(bound)' is not a value") }
                    guard field.range.contains(number) else {
                        throw fail("\(number) is outside \(field.range.lowerBound)-\(field.range.upperBound)")
                    }
                    numbers.append(number)
                }
                let upper = bounds.count == 2 ? numbers[1] : (parts.count == 2 ? field.range.upperBound : numbers[0])
                guard numbers[0] <= upper else { throw fail("the range \(parts[0]) runs backwards") }
                range = numbers[0]...upper
            }
            values.formUnion(stride(from: range.lowerBound, through: range.upperBound, by: step))
            column += item.count + 1
        }
        return values
    }
}
