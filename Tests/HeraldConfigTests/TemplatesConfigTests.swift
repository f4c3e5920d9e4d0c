import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `templates_dir`: one Mustache template per message kind, validated as config.
@Suite struct TemplatesConfigTests {
    static let main = "templates_dir: templates\n" + ConfigFixture.main

    func diagnostics(_ files: [String: String]) throws -> [String] {
        let (result, directory) = try ConfigFixture.load(main: Self.main, files: files)
        defer { directory.remove() }
        guard case .failure(let error) = result else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func templatesNamedAfterKindsLoadAndOtherFilesAreIgnored() throws {
        let (result, directory) = try ConfigFixture.load(main: Self.main, files: [
            "templates/reminder.mustache": "{{milestone.title}} is due {{milestone.due_display}}.\n",
            "templates/digest.mustache": "{{digest.title}}\n",
            "templates/README.md": "notes",
        ])
        defer { directory.remove() }
        let configuration = try result.get()
        #expect(configuration.templatesDirectory == directory.path + "/templates")
        #expect(configuration.templates.kinds == [.reminder, .digest])
    }

    @Test func withoutTemplatesDirNothingIsOverridden() throws {
        let (result, directory) = try ConfigFixture.load()
        defer { directory.remove() }
        #expect(try result.get().templates.kinds.isEmpty)
    }

    @Test func aTemplateSyntaxErrorIsAConfigErrorInTheTemplateFile() throws {
        let found = try diagnostics([
            "templates/reminder.mustache": "Hello\n{{#milestone}}{{title}}{{/milestones}}\n",
            "templates/digest.mustache": "{{digest.title\n",
        ])
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("templates/digest.mustache:"))
        #expect(found[0].hasSuffix(": error: invalid template: the template ends inside a tag that is not closed"))
        #expect(found[1].hasPrefix("templates/reminder.mustache:2:"))
        #expect(found[1].hasSuffix(
            ": error: invalid template: a section is closed with a name other than the one it opened with"
        ))
    }

    @Test func aNameNoMessageHasIsAConfigErrorWhereItStands() throws {
        #expect(try diagnostics([
            "templates/reminder.mustache": "{{#milestone}}\n{{title}} is due {{due_dispaly}} ({{owner_name}})\n"
                + "{{/milestone}}{{digest.title}}\n",
            "templates/escalation.mustache": "{{#actions}}{{label}}: {{url}}{{/actions}} {{milestone.slip}}\n",
        ]) == [
            "templates/reminder.mustache:2:20: error: unknown variable 'due_dispaly'",
            "templates/reminder.mustache:3:17: error: 'digest.title' is not a value of reminder messages (only of "
                + "digest messages)",
        ])
    }

    @Test func aTemplateNamedAfterNoKindIsAnErrorWithASuggestion() throws {
        #expect(try diagnostics(["templates/reminders.mustache": "x"]) == [
            "templates/reminders.mustache:1:1: error: unknown template 'reminders.mustache': a template is named "
                + "after a message kind (reminder, announcement, escalation, digest, resolved, test, bundle); "
                + "did you mean 'reminder.mustache'?",
        ])
    }

    @Test func aMissingTemplatesDirIsAnError() throws {
        let found = try diagnostics([:])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("herald.yaml:1:1: error: cannot read templates_dir "))
    }
}
