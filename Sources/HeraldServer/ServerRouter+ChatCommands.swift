import Foundation
import HeraldCore
import HeraldStore

extension ServerRouter {
    /// The answer to the chat command `text` from `person` (nil: a chat user no `people.X.chat_id` names, who may
    /// read but not change). Changes go through the runtime's ``ServerActions`` with history source `chat:PERSON`
    /// and the person as their actor; an acknowledgement is recorded in the store, as the API's is.
    func chatAnswer(to text: String, from person: Person?, configuration: Configuration) async throws -> ChatAnswer {
        let command: ChatCommand
        do {
            command = try ChatCommand(parsing: text)
        } catch {
            return ChatAnswer(text: error.message, outcome: .invalid)
        }
        guard let person else {
            guard command.changes else { return try read(command, configuration: configuration) }
            return ChatAnswer(
                text: "I don't know who you are, so you can read (status, help) but not change anything. "
                    + "Ask the Herald admin to add your chat user id to your entry's chat_id under people.",
                outcome: .refused
            )
        }
        switch command {
        case .help, .status:
            return try read(command, configuration: configuration)
        case .ack(let id, let answer, let note):
            let today = configuration.calendar.today(at: now())
            return try await self.answer(id, with: answer, by: person, note: note, today: today)
        case .done(let key):
            return try await change(
                key, MilestoneUpdate(status: .done), by: person, unchanged: "it is already done"
            ) { change in
                "\(person.name) marked \(Self.named(change)) done."
            }
        case .due(let key, let date):
            let today = configuration.calendar.today(at: now())
            let update = MilestoneUpdate(due: Deadline(date: date))
            let unchanged = "it is already due \(date.display(today: today))"
            return try await change(key, update, by: person, unchanged: unchanged) { change in
                let from = change.previous.map { " from \($0.due.display(today: today))" } ?? ""
                return "\(person.name) moved \(Self.named(change))\(from) to \(date.display(today: today))."
            }
        case .snooze(let key, let date):
            return try await snooze(key, until: date, by: person, today: configuration.calendar.today(at: now()))
        }
    }

    private func read(_ command: ChatCommand, configuration: Configuration) throws -> ChatAnswer {
        guard case .status(let projectID) = command else {
            return ChatAnswer(text: ChatCommand.usage, outcome: .answered)
        }
        let status = ChatStatus(
            projects: try store.projects(), milestones: try milestoneFacts(in: configuration),
            escalations: try store.escalations(states: [.open])
        )
        guard let projectID else { return ChatAnswer(text: status.overview, outcome: .answered) }
        guard let text = status.detail(projectID) else {
            return ChatAnswer(text: "I know no project '\(projectID)'. " + status.knownProjects, outcome: .invalid)
        }
        return ChatAnswer(text: text, outcome: .answered)
    }

    private func acknowledge(_ id: String, by person: Person, note: String?) throws -> ChatAnswer {
        let outcome: HeraldStore.AcknowledgeOutcome
        do {
            outcome = try store.acknowledge(escalationID: id, by: person.key, note: note, at: now())
        } catch let error as HeraldStoreError where error == .unknownEscalation(id) {
            return ChatAnswer(text: "I know no escalation '\(id)'.", outcome: .invalid)
        }
        switch outcome {
        case .acknowledged(let record):
            let target = "\(record.key.projectID)/\(record.key.milestoneID)"
            return ChatAnswer(
                text: "\(person.name) acknowledged escalation \(id) (\(target)): it climbs no further.",
                outcome: .applied
            )
        case .alreadyClosed(let record):
            return ChatAnswer(text: "Escalation \(id) is already \(record.state.rawValue).", outcome: .invalid)
        }
    }

    /// Acknowledges escalation `id`, with a new due date for its milestone, or marks the milestone done.
    private func answer(
        _ id: String, with answer: AckAnswer, by person: Person, note: String?, today: CivilDate
    ) async throws -> ChatAnswer {
        do {
            guard let update = try answer.checked(today: today).update(note: note, by: person.key) else {
                return try acknowledge(id, by: person, note: note)
            }
            let record: EscalationRecord
            switch try await changeActions().answer(
                id, with: update, acknowledger: person.key, source: "chat:\(person.key)"
            ) {
            case .answered(let closed): record = closed
            case .alreadyClosed(let closed):
                return ChatAnswer(text: "Escalation \(id) is already \(closed.state.rawValue).", outcome: .invalid)
            }
            let target = "\(record.key.projectID)/\(record.key.milestoneID)"
            switch answer {
            case .newDate(let date):
                return ChatAnswer(
                    text: "\(person.name) acknowledged escalation \(id) and moved \(target) to "
                        + "\(date.display(today: today)): it climbs no further.",
                    outcome: .applied
                )
            case .acknowledge, .done:
                return ChatAnswer(
                    text: "\(person.name) marked \(target) done: escalation \(id) is \(record.state.rawValue).",
                    outcome: .applied
                )
            }
        } catch let error as AckAnswer.Unusable {
            return ChatAnswer(text: "Nothing changed: \(error.message).", outcome: .invalid)
        } catch let error as ServerActionError {
            return ChatAnswer(text: error.description, outcome: .invalid)
        }
    }

    private func change(
        _ key: MilestoneKey, _ update: MilestoneUpdate, by person: Person, unchanged: String,
        said: (MilestoneChange) -> String
    ) async throws -> ChatAnswer {
        do {
            var update = update
            update.by = person.key
            guard let change = try await changeActions().update(key, with: update, source: "chat:\(person.key)")
            else {
                return ChatAnswer(text: "Nothing to change: \(unchanged).", outcome: .answered)
            }
            return ChatAnswer(text: said(change), outcome: .applied)
        } catch let error as ServerActionError {
            return ChatAnswer(text: error.description, outcome: .invalid)
        }
    }

    private func snooze(
        _ key: MilestoneKey, until date: CivilDate, by person: Person, today: CivilDate
    ) async throws -> ChatAnswer {
        do {
            _ = try await changeActions().snooze(key, until: date, by: person.key, note: nil)
            return ChatAnswer(
                text: "\(person.name) snoozed \(key.projectID)/\(key.milestoneID) until \(date.display(today: today)): "
                    + "no reminders or escalations about it before then.",
                outcome: .applied
            )
        } catch let error as ServerActionError {
            return ChatAnswer(text: error.description, outcome: .invalid)
        }
    }

    /// `apollo/design (Design sign-off)`.
    private static func named(_ change: MilestoneChange) -> String {
        let title = (change.current ?? change.previous).map { " (\($0.title))" } ?? ""
        return "\(change.projectID)/\(change.milestoneID)\(title)"
    }
}
