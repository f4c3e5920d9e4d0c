/// A digest as an Adaptive Card: the title, the status coloured by RAG with its reason and rule, a fact set of the
/// projects, a titled list per digest section, and a button to the whole digest when it had to be shortened.
extension TeamsPayload {
    /// The JSON bytes for a digest `message`, within ``bodyLimit``: sections are shortened (with `…and N more`,
    /// and the button to ``DigestReport/link`` when there is one) until the body fits.
    static func digestBody(for message: OutgoingMessage, _ report: DigestReport, mentions: Mentions) -> [UInt8] {
        let headline = DigestWording.headline(report)
        var top = [
            Element.text(headerLimit.truncating(escape(DigestWording.title(report))), weight: "Bolder", size: "Medium"),
            Element.text(mentions.before(escape(headline[0])), weight: "Bolder", color: color(report)),
        ]
        top += headline.dropFirst().map { Element.text(escape($0)) }
        top += DigestWording.notes(report).map { Element.text($0, isSubtle: true) }
        if !report.projects.isEmpty {
            let facts = report.projects.map { status in
                Fact(title: factLimit.truncating(status.project.name), value: DigestWording.projectStatus(status))
            }
            top.append(Element(type: "FactSet", facts: facts))
        }
        func body(_ sections: [DigestSection]) -> [UInt8] {
            let elements = top + sections.flatMap { section in
                [
                    Element.text(section.title, weight: "Bolder", separator: true),
                    Element.text(section.lines.map { "- " + escape($0) }.joined(separator: "\n")),
                ]
            }
            var card = Card(body: elements, entities: mentions.entities)
            if DigestSection.isSummarised(sections), let link = report.link {
                card.actions = [Action(title: DigestWording.linkLabel, url: link)]
            }
            return JSONOutput.bytes(Envelope(card: card))
        }
        return body(DigestSection.fitting(DigestSection.sections(of: report)) { body($0).count <= bodyLimit })
    }

    /// `Good`, `Warning` or `Attention`: the Adaptive Card colour of the overall status.
    private static func color(_ report: DigestReport) -> String {
        switch report.headline.status {
        case .green: "Good"
        case .amber: "Warning"
        case .red: "Attention"
        }
    }
}
