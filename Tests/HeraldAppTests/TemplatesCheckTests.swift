import Foundation
import HeraldTestSupport
import Testing

/// `herald check` validates the templates in `templates_dir` as part of the config, as a user runs it.
@Suite struct TemplatesCheckTests {
    static let edit = ("projects_dir: projects", "projects_dir: projects\ntemplates_dir: templates")

    @Test func checkCountsValidTemplates() throws {
        let example = try ExampleConfig(edits: [Self.edit])
        defer { example.directory.remove() }
        try example.directory.write("templates/reminder.mustache", "{{milestone.title}}: {{text}}\n")
        try example.directory.write("templates/digest.mustache", "{{#digest}}{{title}}{{/digest}}\n")
        let (status, output) = try HeraldExecutable.run(["check", "--config", example.configPath])
        #expect(status == 0)
        #expect(output.contains(", 2 templates ("))
    }

    @Test func aBrokenTemplateFailsCheckWithItsFileLineAndColumn() throws {
        let example = try ExampleConfig(edits: [Self.edit])
        defer { example.directory.remove() }
        try example.directory.write("templates/reminder.mustache", "Reminder\n{{#milestone}}{{title}}{{/project}}\n")
        let (status, output) = try HeraldExecutable.run(["check", "--config", example.configPath])
        #expect(status == 1)
        let line = try #require(output.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix(example.directory.path + "/templates/reminder.mustache:2:")
            || line.hasPrefix("templates/reminder.mustache:2:"))
        #expect(line.hasSuffix(
            ": error: invalid template: a section is closed with a name other than the one it opened with"
        ))
    }

    @Test func aTemplateWithAnUnknownVariableFailsCheckWithItsPosition() throws {
        let example = try ExampleConfig(edits: [Self.edit])
        defer { example.directory.remove() }
        try example.directory.write("templates/reminder.mustache", "Reminder\n  {{milestone.titel}}\n")
        let (status, output) = try HeraldExecutable.run(["check", "--config", example.configPath])
        #expect(status == 1)
        let line = try #require(output.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix(example.directory.path + "/templates/reminder.mustache:2:5: ")
            || line.hasPrefix("templates/reminder.mustache:2:5: "))
        #expect(line.hasSuffix(": error: unknown variable 'milestone.titel'"))
    }
}
