import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// `GET /ack/{token}`: the page of an escalation notice's acknowledgement link: the escalation and a form to
    /// acknowledge it, acknowledge it with a new due date for its milestone, or mark the milestone done. It never
    /// changes anything, because chat unfurlers and mail scanners fetch links. `POST /ack/{token}` (form fields
    /// `note`, optional; `answer`: `acknowledge`, the default, `new_date` with `due`, or `done`) answers as the
    /// person the link was sent to (`channel:KEY` for a link sent to a channel), then confirms; a new date or done
    /// goes through the runtime as the API's update does (history source `escalation:ESC`, the person as actor, the
    /// change rules). A date that is not a real one or has passed is a 400 page saying so, with nothing changed; an
    /// escalation already closed gets a page saying who closed it and when.
    ///
    /// No bearer token: the signed token is the credential, checked in constant time. A forged or garbled token
    /// (or an unknown escalation) is a 404 page and an expired one a 410 page, neither telling anything more. A
    /// cross-site form cannot post without knowing the token, so the token in the path is also the CSRF defence.
    func addAckPages(to router: Router<ServerRequestContext>) {
        router.get("ack/:token") { _, context in
            let token: AckToken
            switch await checkAckToken(context) {
            case .valid(let valid): token = valid
            case .refused(let page): return page
            }
            let configuration = try await loadedConfiguration()
            guard let record = try store.escalation(id: token.escalationID) else { return Self.unknownLinkPage }
            let milestone = storedMilestone(of: record)
            let table = AckPage.table(record, milestone: milestone, configuration: configuration)
            guard record.state == .open else {
                let state = AckPage.state(of: record, calendar: configuration.calendar)
                return AckPage.response(.ok, title: "Already closed", paragraphs: [
                    "This escalation is \(EmailBody.escape(state)). There is nothing left to do.",
                ], extra: table)
            }
            let who = EmailBody.escape(Self.actor(token.recipient, in: configuration))
            let today = configuration.calendar.today(at: now())
            let title = EmailBody.escape(milestone?.title ?? "the milestone")
            let form = """
                <form method="post">
                <label for="note">Note for the people notified (optional)</label><br>
                <textarea id="note" name="note" rows="3" maxlength="\(Self.maximumNote)"></textarea><br>
                <button type="submit" name="answer" value="acknowledge">Acknowledge as \(who)</button>
                <p><label for="due">New due date</label>
                <input type="date" id="due" name="due" min="\(today)"><br>
                <button type="submit" name="answer" value="new_date">Acknowledge with this new date</button></p>
                <p><button type="submit" name="answer" value="done">Mark \(title) done</button></p>
                </form>
                """
            return AckPage.response(.ok, title: "Acknowledge escalation", paragraphs: [
                "Acknowledging stops this escalation: nobody further up is notified, and everyone already told hears "
                    + "that \(who) took it. You can also give \(title) a new due date as you acknowledge, "
                    + "or mark it done, which closes the escalation.",
            ], extra: table + "\n" + form)
        }
        router.post("ack/:token") { request, context in
            let token: AckToken
            switch await checkAckToken(context) {
            case .valid(let valid): token = valid
            case .refused(let page): return page
            }
            let form = try await FormBody(request, limit: 16 * 1024, what: "the form")
            let note = Self.note(of: form)
            let configuration = try await loadedConfiguration()
            let today = configuration.calendar.today(at: now())
            let answer: AckAnswer
            do {
                answer = try Self.answer(of: form, today: today)
            } catch let error as AckAnswer.Unusable {
                return refusal(error.message, escalationID: token.escalationID, configuration: configuration)
            }
            guard let update = answer.update(note: note, by: Self.person(token.recipient)) else {
                return try acknowledgement(token, note: note, configuration: configuration)
            }
            let answered: EscalationAnswer
            do {
                answered = try await changeActions().answer(
                    token.escalationID, with: update, acknowledger: token.recipient.name,
                    source: "escalation:\(token.escalationID)"
                )
            } catch let error as ServerActionError {
                guard !error.isNotFound else { return Self.unknownLinkPage }
                return refusal(error.description, escalationID: token.escalationID, configuration: configuration)
            }
            switch answered {
            case .answered(let record):
                return AckPage.answered(
                    record, answer, by: Self.actor(token.recipient, in: configuration),
                    milestone: storedMilestone(of: record), configuration: configuration, today: today
                )
            case .alreadyClosed(let record):
                return alreadyClosed(record, configuration: configuration)
            }
        }
    }

    /// Acknowledges the escalation only, as the link's recipient, and confirms.
    private func acknowledgement(
        _ token: AckToken, note: String?, configuration: Configuration
    ) throws -> Response {
        let outcome: HeraldStore.AcknowledgeOutcome
        do {
            outcome = try store.acknowledge(
                escalationID: token.escalationID, by: token.recipient.name, note: note, at: now()
            )
        } catch let error as HeraldStoreError where error == .unknownEscalation(token.escalationID) {
            return Self.unknownLinkPage
        }
        switch outcome {
        case .acknowledged(let record):
            return AckPage.response(.ok, title: "Acknowledged", paragraphs: [
                "Thank you. No further escalation notices will be sent; everyone notified will hear that "
                    + "\(EmailBody.escape(Self.actor(token.recipient, in: configuration))) took it.",
            ], extra: AckPage.table(record, milestone: storedMilestone(of: record), configuration: configuration))
        case .alreadyClosed(let record):
            return alreadyClosed(record, configuration: configuration)
        }
    }

    /// The 400 page of an answer that cannot be carried out: nothing changed, and `reason` says why.
    private func refusal(_ reason: String, escalationID: String, configuration: Configuration) -> Response {
        let table = (try? store.escalation(id: escalationID))
            .map { AckPage.table($0, milestone: storedMilestone(of: $0), configuration: configuration) } ?? ""
        return AckPage.response(.badRequest, title: "Nothing changed", paragraphs: [
            "Nothing changed: \(EmailBody.escape(reason)). Go back to the form to try again.",
        ], extra: table)
    }

    /// The milestone `record` is about, as stored now; nil when it is gone.
    private func storedMilestone(of record: EscalationRecord) -> Milestone? {
        let key = MilestoneKey(projectID: record.key.projectID, milestoneID: record.key.milestoneID)
        return (try? trackedMilestone(key))?.milestone
    }

    private func alreadyClosed(_ record: EscalationRecord, configuration: Configuration) -> Response {
        AckPage.response(.ok, title: "Already closed", paragraphs: [
            "Nothing changed: this escalation was already "
                + "\(EmailBody.escape(AckPage.state(of: record, calendar: configuration.calendar))).",
        ], extra: AckPage.table(record, milestone: storedMilestone(of: record), configuration: configuration))
    }

    /// The longest note kept, in characters.
    static let maximumNote = 500

    /// The valid token of the request's path, or the page that answers a bad one.
    private func checkAckToken(_ context: ServerRequestContext) async -> AckCheck {
        guard let serverKey = await serverKey() else { return .refused(Self.unknownLinkPage) }
        switch AckToken.verify(context.parameters.decoded("token"), key: serverKey, now: now()) {
        case .valid(let token):
            return .valid(token)
        case .expired:
            return .refused(AckPage.response(.gone, title: "This link has expired", paragraphs: [
                "Acknowledgement links work for a limited time. Use the link in the escalation's latest message, "
                    + "or <code>herald ack</code> with the escalation id.",
            ]))
        case .invalid:
            return .refused(Self.unknownLinkPage)
        }
    }

    private static var unknownLinkPage: Response {
        AckPage.response(.notFound, title: "Unknown link", paragraphs: [
            "This acknowledgement link is not valid. Check that it was copied whole.",
        ])
    }

    /// Who acknowledges through a link to `recipient`: the person's name, or `someone on #eng`.
    private static func actor(_ recipient: AckRecipient, in configuration: Configuration) -> String {
        switch recipient {
        case .person(let key): AckPage.name(of: key, in: configuration)
        case .channel(let key): "someone on #\(key)"
        }
    }

    /// The person key of a link sent to a person; nil for a channel's link.
    private static func person(_ recipient: AckRecipient) -> String? {
        guard case .person(let key) = recipient else { return nil }
        return key
    }

    /// The form's `note` (`application/x-www-form-urlencoded`), trimmed and cut to ``maximumNote``; nil when empty
    /// or absent.
    private static func note(of form: FormBody) -> String? {
        guard let note = form["note"]?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else {
            return nil
        }
        return String(note.prefix(maximumNote))
    }

    /// The form's `answer` (`acknowledge` when absent, `new_date` with the date field `due`, or `done`).
    private static func answer(of form: FormBody, today: CivilDate) throws(AckAnswer.Unusable) -> AckAnswer {
        switch form["answer"] ?? "acknowledge" {
        case "acknowledge": return .acknowledge
        case "new_date": return try AckAnswer.parsingNewDate(form["due"] ?? "", today: today)
        case "done": return .done
        case let other: throw AckAnswer.Unusable("'\(other)' is not an answer this page knows")
        }
    }
}

/// A presented acknowledgement token: valid, or refused with the page that says so.
private enum AckCheck {
    case valid(AckToken)
    case refused(Response)
}
