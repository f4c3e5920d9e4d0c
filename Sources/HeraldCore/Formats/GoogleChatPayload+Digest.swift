/// A digest as a Google Chat message: a fallback `text` (mentions, title and status) and a `cardsV2` card with the
/// status as its subtitle, the reason and rule, the projects, one card section per digest section, and a button to
/// the whole digest when it had to be shortened.
extension GoogleChatPayload {
    /// The JSON bytes for a digest `message`, within ``textLimit`` bytes in all: sections are shortened (with
    /// `…and N more`, and the button to ``DigestReport/link`` when there is one) until the body fits.
    static func digestBody(for message: OutgoingMessage, _ report: DigestReport) -> [UInt8] {
        let title = DigestWording.title(report)
        let summary = ChatEscaping.googleChat.escape("\(title): \(DigestWording.status(report))")
        let text = ChatText.mentioning(message, summary)
        var top = [
            CardSection(widgets: paragraphs(Array(DigestWording.headline(report).dropFirst())
                + DigestWording.notes(report))),
        ]
        if !report.projects.isEmpty {
            top.append(CardSection(header: "Projects", widgets: paragraphs(report.projects.map(DigestWording.project))))
        }
        func body(_ sections: [DigestSection]) -> [UInt8] {
            var cardSections = top + sections.map { CardSection(header: $0.title, widgets: paragraphs($0.lines)) }
            if DigestSection.isSummarised(sections), let link = report.link {
                cardSections.append(CardSection(widgets: [.button(DigestWording.linkLabel, url: link)]))
            }
            let card = Card(
                header: CardHeader(title: title, subtitle: DigestWording.status(report)),
                sections: cardSections.filter { !$0.widgets.isEmpty }
            )
            return JSONOutput.bytes(CardPayload(text: text, cardsV2: [CardWrapper(cardId: "digest", card: card)]))
        }
        return body(DigestSection.fitting(DigestSection.sections(of: report)) { textLimit.maximum >= body($0).count })
    }

    /// One text paragraph of `lines`, HTML-escaped and joined with `<br>`; none for no lines.
    static func paragraphs(_ lines: [String]) -> [Widget] {
        lines.isEmpty ? [] : [.paragraph(lines.map(EmailBody.escape).joined(separator: "<br>"))]
    }

    struct CardPayload: Encodable {
        var text: String
        var cardsV2: [CardWrapper]
    }

    struct CardWrapper: Encodable {
        var cardId: String
        var card: Card
    }

    struct Card: Encodable {
        var header: CardHeader
        var sections: [CardSection]
    }

    struct CardHeader: Encodable {
        var title: String
        var subtitle: String
    }

    struct CardSection: Encodable {
        var header: String?
        var widgets: [Widget]

        init(header: String? = nil, widgets: [Widget]) {
            self.header = header
            self.widgets = widgets
        }
    }

    /// A `textParagraph` or a `buttonList` with one link button.
    enum Widget: Encodable {
        case paragraph(String)
        case button(String, url: String)

        private enum CodingKeys: String, CodingKey {
            case textParagraph, buttonList
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .paragraph(let text):
                try container.encode(["text": text], forKey: .textParagraph)
            case .button(let label, let url):
                let button = Button(text: label, onClick: OnClick(openLink: OpenLink(url: url)))
                try container.encode(ButtonList(buttons: [button]), forKey: .buttonList)
            }
        }
    }

    private struct ButtonList: Encodable {
        var buttons: [Button]
    }

    private struct Button: Encodable {
        var text: String
        var onClick: OnClick
    }

    private struct OnClick: Encodable {
        var openLink: OpenLink
    }

    private struct OpenLink: Encodable {
        var url: String
    }
}
