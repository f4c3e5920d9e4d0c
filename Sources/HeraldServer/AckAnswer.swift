import Foundation
import HeraldCore

/// What an owner answers an escalation with, on its acknowledgement page or in chat: acknowledge it, acknowledge it
/// with a new due date for the milestone, or mark the milestone done.
enum AckAnswer: Hashable {
    /// Acknowledge only.
    case acknowledge
    /// Acknowledge, and move the milestone's due date.
    case newDate(CivilDate)
    /// Mark the milestone done, which resolves the escalation.
    case done

    /// The new date `text` (`2026-12-10`), when it is a real date and not before `today`.
    ///
    /// - Throws: `AckAnswer.Unusable` with a sentence for the person answering.
    static func parsingNewDate(_ text: String, today: CivilDate) throws(Unusable) -> AckAnswer {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let date = CivilDate(iso: text) else {
            throw Unusable(text.isEmpty ? "give the new due date, such as \(today)"
                : "'\(text)' is not a date like \(today)")
        }
        return try AckAnswer.newDate(date).checked(today: today)
    }

    /// The answer, when its new date (if any) is not before `today` in the calendar's zone.
    ///
    /// - Throws: `AckAnswer.Unusable` with a sentence for the person answering.
    func checked(today: CivilDate) throws(Unusable) -> AckAnswer {
        if case .newDate(let date) = self, date < today {
            throw Unusable("the new date, \(date.display(today: today)), has passed: give today or a later date")
        }
        return self
    }

    /// The change to the milestone, with the answer's note and actor; nil for a bare acknowledgement.
    func update(note: String?, by person: String?) -> MilestoneUpdate? {
        switch self {
        case .acknowledge: nil
        case .newDate(let date): MilestoneUpdate(due: Deadline(date: date), note: note, by: person)
        case .done: MilestoneUpdate(status: .done, note: note, by: person)
        }
    }

    /// An answer that cannot be carried out as written, with the sentence to show.
    struct Unusable: Error, Hashable {
        let message: String

        init(_ message: String) {
            self.message = message
        }
    }
}
