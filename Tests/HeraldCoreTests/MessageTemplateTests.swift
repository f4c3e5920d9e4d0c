import Foundation
import Testing
@testable import HeraldCore

/// Mustache templates overriding the built-in wording per message kind.
@Suite struct MessageTemplateTests {
    @Test func aKindWithoutTemplateKeepsItsBuiltInWording() {
        #expect(MessageTemplates().text(for: FormatTests.message) == FormatTests.message.text)
    }

    @Test func aReminderTemplateUsesTheMessageValuesAndEscapesNothing() throws {
        var templates = MessageTemplates()
        try templates.add(
            "{{milestone.title}} & co <{{project.name}}> due {{milestone.due_display}} ({{rule}}) for "
                + "{{#recipients}}{{.}}{{/recipients}}{{^escalation}}, no escalation{{/escalation}}\n",
            for: .reminder
        )
        #expect(templates.kinds == [.reminder])
        #expect(templates.text(for: FormatTests.message)
            == "Design sign-off & co <Apollo ERP upgrade> due Fri 4 Dec (due-soon) for alice, no escalation")
        var other = FormatTests.message
        other.kind = .announcement
        #expect(templates.text(for: other) == other.text, "only the template's own kind")
    }

    @Test func theBuiltInTextIsAvailableToWrap() throws {
        var templates = MessageTemplates()
        try templates.add("[Herald] {{text}}", for: .reminder)
        #expect(templates.text(for: FormatTests.message) == "[Herald] " + FormatTests.message.text)
    }

    @Test func aDigestTemplateWalksTheSections() throws {
        var templates = MessageTemplates()
        try templates.add("""
            {{digest.title}}: {{digest.status_line}}
            {{#digest.sections}}
            {{title}}:
            {{#lines}}
            - {{.}}
            {{/lines}}
            {{/digest.sections}}
            {{#digest.overdue}}Overdue owner: {{owner}}{{/digest.overdue}}
            """, for: .digest)
        let text = templates.text(for: DigestRenderFixture.message())
        #expect(text.hasPrefix("Digest weekly-sponsor · Mon 30 Nov: Amber, worsening\nCompleted:\n"
            + "- Requirements baseline · Apollo ERP upgrade: done Mon 23 Nov, 1 business day late\nDue soon:\n"))
        #expect(text.hasSuffix("Overdue owner: Dan Okafor"))
    }

    @Test(arguments: [
        ("Hello {{name", 1, "the template ends inside a tag that is not closed"),
        ("Hi {{name} there", 1, "a tag is not closed with '}}'"),
        ("line one\n{{#section}}\nnever closed", 3, "a section is never closed"),
        ("ok\n{{#a}}x{{/b}}", 2, "a section is closed with a name other than the one it opened with"),
    ])
    func aTemplateErrorSaysWhereAndWhat(source: String, line: Int, message: String) {
        var templates = MessageTemplates()
        #expect(throws: TemplateError.self) { try templates.add(source, for: .reminder) }
        do {
            try templates.add(source, for: .reminder)
        } catch {
            #expect(error.line == line)
            #expect(error.column >= 1)
            #expect(error.message == message)
        }
        #expect(templates.kinds.isEmpty)
    }

    @Test func theEngineWordsItsMessagesWithTheTemplate() throws {
        var configuration = EngineFixture.configuration(
            rules: [try EngineFixture.rule()],
            projects: [EngineFixture.project(milestones: [EngineFixture.milestone()])]
        )
        try configuration.templates.add("{{milestone.title}} is due {{milestone.due_display}}.", for: .reminder)
        var run = EngineRun(configuration: configuration)
        let messages = run.tick(EngineFixture.at("2026-12-01", 9))
        #expect(messages.map(\.text) == ["Design sign-off is due Fri 4 Dec."])
    }
}
