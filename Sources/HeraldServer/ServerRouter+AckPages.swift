import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// `GET /ack/{token}`: the page of an escalation notice's acknowledgement link: the escalation and one button.
    /// It never acknowledges, because chat unfurlers and mail scanners fetch links. `POST /ack/{token}` (an
    /// optional form field `note`) acknowledges as the person the link was sent to (`channel:KEY` for a link sent
    /// to a channel), then confirms; an escalation already closed gets a page saying who closed it and when.
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
            let table = AckPage.table(record, configuration: configuration)
            guard record.state == .open else {
                let state = AckPage.state(of: record, calendar: configuration.calendar)
                return AckPage.response(.ok, title: "Already closed", paragraphs: [
                    "This escalation is \(EmailBody.escape(state)). There is nothing left to do.",
                ], extra: table)
            }
            let who = EmailBody.escape(Self.actor(token.recipient, in: configuration))
            let form = """
                <form method="post">
                <label for="note">Note for the people notified (optional)</label><br>
                <textarea id="note" name="note" rows="3" maxlength="\(Self.maximumNote)"></textarea><br>
                <button type="submit">Acknowledge as \(who)</button>
                </form>
                """
            return AckPage.response(.ok, title: "Acknowledge escalation", paragraphs: [
                "Acknowledging stops this escalation: nobody further up is notified, and everyone already told hears "
                    + "that \(who) took it.",
            ], extra: table + "\n" + form)
        }
        router.post("ack/:token") { request, context in
            let token: AckToken
            switch await checkAckToken(context) {
            case .valid(let valid): token = valid
            case .refused(let page): return page
            }
            let note = try await Self.note(of: request)
            let configuration = try await loadedConfiguration()
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
                ], extra: AckPage.table(record, configuration: configuration))
            case .alreadyClosed(let record):
                return AckPage.response(.ok, title: "Already closed", paragraphs: [
                    "Nothing changed: this escalation was already "
                        + "\(EmailBody.escape(AckPage.state(of: record, calendar: configuration.calendar))).",
                ], extra: AckPage.table(record, configuration: configuration))
            }
        }
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

    /// The form's `note` (`application/x-www-form-urlencoded`), trimmed and cut to ``maximumNote``; nil when empty
    /// or absent. A body over 16 KiB is a 413.
    private static func note(of request: Request) async throws -> String? {
        let form = try await FormBody(request, limit: 16 * 1024, what: "the form")
        guard let note = form["note"]?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else {
            return nil
        }
        return String(note.prefix(maximumNote))
    }
}

/// A presented acknowledgement token: valid, or refused with the page that says so.
private enum AckCheck {
    case valid(AckToken)
    case refused(Response)
}
