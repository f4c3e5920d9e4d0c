/// A digest as Slack blocks: a header, the status with its reason and rule, the projects, one section block per
/// digest section, a button to the whole digest when it had to be shortened, and the context line.
extension SlackPayload {
    /// A header block's limit (Slack's).
    public static let headerLimit = TextLimit.characters(150)
    /// The most blocks in one message (Slack's).
    public static let maxBlocks = 50

    /// The JSON bytes for a digest `message`: every block within Slack's limits; sections shortened (with
    /// `…and N more`, and a button to ``DigestReport/link`` when there is one) until each fits one section block.
    static func digestBody(for message: OutgoingMessage, _ report: DigestReport) -> [UInt8] {
        let title = DigestWording.title(report)
        let status = DigestWording.headline(report).enumerated().map { index, line in
            index == 0 ? "*\(escape(line))*" : escape(line)
        }
        var blocks = [
            Block(type: "header", text: TextObject(type: "plain_text", text: headerLimit.truncating(title))),
            section(ChatText.mentioning(message, (status + DigestWording.notes(report).map(escape))
                .joined(separator: "\n"))),
        ]
        if !report.projects.isEmpty {
            blocks.append(section(report.projects.map { "• " + escape(DigestWording.project($0)) }
                .joined(separator: "\n")))
        }
        let sections = DigestSection.fitting(DigestSection.sections(of: report)) { sections in
            blocks.count + sections.count + 3 <= maxBlocks && sections.allSatisfy { sectionLimit.admits(text(of: $0)) }
        }
        blocks += sections.map { section(text(of: $0)) }
        if DigestSection.isSummarised(sections), let link = report.link {
            blocks.append(Block(type: "actions", elements: [.button(label: DigestWording.linkLabel, url: link)]))
        }
        blocks.append(Block(type: "context", elements: [.text(TextObject(type: "mrkdwn", text: "digest · "
            + escape(report.name)))]))
        let fallback = ChatText.mentioning(message, escape(([title] + DigestWording.headline(report))
            .joined(separator: " · ")))
        return JSONOutput.bytes(Payload(text: textLimit.truncating(fallback), blocks: blocks))
    }

    /// `*Overdue*` and a bullet per line.
    private static func text(of section: DigestSection) -> String {
        (["*\(escape(section.title))*"] + section.lines.map { "• " + escape($0) }).joined(separator: "\n")
    }

    /// A mrkdwn section block, cut to Slack's section limit.
    static func section(_ text: String) -> Block {
        Block(type: "section", text: TextObject(type: "mrkdwn", text: sectionLimit.truncating(text)))
    }
}
