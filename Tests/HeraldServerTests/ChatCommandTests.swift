import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// Chat commands through a real runtime: what each does to the store, what it answers, who may use it, and the
/// communication log that records them.
@Suite struct ChatCommandTests {
    @Test(arguments: [
        ("", ChatCommand.help),
        ("HELP", .help),
        ("status", .status(projectID: nil)),
        ("status apollo", .status(projectID: "apollo")),
        ("ack esc_1 on it now", .ack(escalationID: "esc_1", answer: .acknowledge, note: "on it now")),
        ("ack esc_1", .ack(escalationID: "esc_1", answer: .acknowledge, note: nil)),
        ("ack esc_1 new date 2026-12-10 vendor late",
         .ack(escalationID: "esc_1", answer: .newDate(CivilDate(iso: "2026-12-10")!), note: "vendor late")),
        ("ack esc_1 New Date 2026-12-10",
         .ack(escalationID: "esc_1", answer: .newDate(CivilDate(iso: "2026-12-10")!), note: nil)),
        ("ack esc_1 DONE shipped", .ack(escalationID: "esc_1", answer: .done, note: "shipped")),
        ("done apollo/design", .done(MilestoneKey(projectID: "apollo", milestoneID: "design"))),
        ("due apollo/design 2026-12-11",
         .due(MilestoneKey(projectID: "apollo", milestoneID: "design"), CivilDate(iso: "2026-12-11")!)),
        ("snooze apollo/design until 2026-12-14",
         .snooze(MilestoneKey(projectID: "apollo", milestoneID: "design"), until: CivilDate(iso: "2026-12-14")!)),
    ])
    func commandsParse(_ text: String, _ expected: ChatCommand) throws {
        #expect(try ChatCommand(parsing: text) == expected)
    }

    @Test(arguments: [
        ("dance", "unknown command 'dance'"),
        ("done apollo", "'apollo' does not name a milestone: write PROJECT/MILESTONE, such as apollo/design"),
        ("done apollo/design now", "usage: done PROJECT/MILESTONE"),
        ("due apollo/design tomorrow", "'tomorrow' is not a date like 2026-12-11"),
        ("snooze apollo/design 2026-12-14 please", "usage: snooze PROJECT/MILESTONE until DATE"),
        ("ack", "usage: ack ESCALATION [new date DATE | done] [NOTE]"),
        ("ack esc_1 new date", "usage: ack ESCALATION new date DATE [NOTE]"),
        ("ack esc_1 new date 2026-02-30", "'2026-02-30' is not a date like 2026-12-11"),
    ])
    func mistakesAreExplained(_ text: String, _ message: String) {
        #expect(throws: ChatCommand.Unusable.self) { try ChatCommand(parsing: text) }
        do {
            _ = try ChatCommand(parsing: text)
        } catch {
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func anUnknownUserMayReadButNotChange() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            let refused = try await Self.mattermost(client, user: "stranger", "done apollo/design")
            #expect(refused.status == 200)
            #expect(refused.type == "ephemeral")
            #expect(refused.text.hasPrefix("I don't know who you are"))
            let read = try await Self.mattermost(client, user: "stranger", "status")
            #expect(read.text.hasPrefix("Apollo (apollo): 2 milestones, 1 overdue, 1 open escalation"))
        }
        #expect(try fixture.milestone("design")?.status == .inProgress)
        #expect(try Self.chats(fixture).map(\.outcome) == [.refused, .answered])
        #expect(try Self.chats(fixture).map(\.person) == [nil, nil])
    }

    @Test func aWrongMattermostTokenIs401AndNothingIsLogged() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            for token in ["mm-tokeN", "", "mm-token-longer"] {
                try await client.execute(
                    uri: "/chat/mattermost", method: .post, headers: Self.form,
                    body: ByteBuffer(string: "token=\(token)&user_id=mm-bob&text=done+apollo%2Fdesign")
                ) {
                    #expect($0.status == .unauthorized)
                    #expect(errorText($0) == "wrong Mattermost token")
                }
            }
        }
        #expect(try Self.chats(fixture).isEmpty)
        #expect(try fixture.milestone("design")?.status == .inProgress)
    }

    @Test func doneFromSlackMarksTheMilestoneAndTheChangeRuleAnnouncesIt() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            let reply = try await Self.slack(client, fixture: fixture, user: "U-ALICE", "done apollo/design")
            #expect(reply.status == 200)
            #expect(reply.type == "in_channel")
            #expect(reply.text == "Alice Ng marked apollo/design (Design sign-off) done.")
            let again = try await Self.slack(client, fixture: fixture, user: "U-ALICE", "done apollo/design", skew: 1)
            #expect(again.text == "Nothing to change: it is already done.")
        }
        #expect(try fixture.milestone("design")?.status == .done)
        let history = try fixture.store.history(projectID: "apollo", milestoneID: "design").last
        #expect(history?.source == "chat:alice")
        #expect(history?.actor == "alice")
        #expect(history?.change == FieldChange(field: "status", oldValue: "in_progress", newValue: "done"))
        let events = try fixture.store.timeline(LogFilter(projectID: "apollo", milestoneID: "design"))
        let rules = events.compactMap { event -> String? in
            guard case .message(let entry) = event else { return nil }
            return entry.message.rule
        }
        #expect(rules.contains("completed"))
        #expect(try Self.chats(fixture).map(\.outcome) == [.applied, .answered])
    }

    @Test func dueMovesTheMilestone() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            let reply = try await Self.mattermost(client, user: "mm-bob", "due apollo/build 2026-12-22")
            #expect(reply.type == "in_channel")
            #expect(reply.text == "Bob Roe moved apollo/build (Build) from Fri 18 Dec to Tue 22 Dec.")
            let unknown = try await Self.mattermost(client, user: "mm-bob", "due apollo/qa 2026-12-22")
            #expect(unknown.type == "ephemeral")
            #expect(unknown.text == "unknown milestone 'apollo/qa'")
        }
        #expect(try fixture.milestone("build")?.due == CivilDate(iso: "2026-12-22"))
        let moved = try fixture.store.history(projectID: "apollo", milestoneID: "build").last
        #expect(moved?.source == "chat:bob")
        #expect(moved?.actor == "bob")
        #expect(try Self.chats(fixture).map(\.outcome) == [.applied, .invalid])
    }

    @Test func snoozeHoldsTheMilestoneUntilTheDate() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            let reply = try await Self.mattermost(client, user: "mm-bob", "snooze apollo/design until 2026-12-14")
            #expect(reply.text.hasPrefix("Bob Roe snoozed apollo/design until Mon 14 Dec"))
            let past = try await Self.mattermost(client, user: "mm-bob", "snooze apollo/design until 2026-12-04")
            #expect(past.type == "ephemeral")
            #expect(past.text == "2026-12-04 has already begun; snooze until a later date")
        }
        let snoozes = try fixture.store.activeSnoozes(at: fixture.now)
        #expect(snoozes.map(\.target) == ["apollo/design"])
        #expect(snoozes.first?.by == "bob")
        #expect(snoozes.first?.end == .date(
            CivilDate(iso: "2026-12-14")!, startsAt: ServerFixture.at("2026-12-14", 0)
        ))
        #expect(try Self.chats(fixture).map(\.outcome) == [.applied, .invalid])
    }

    @Test func ackAcknowledgesTheEscalationOnce() async throws {
        let fixture = try await RuntimeFixture()
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        try await fixture.test { client in
            let reply = try await Self.mattermost(client, user: "mm-bob", "ack \(id) on it")
            #expect(reply.text == "Bob Roe acknowledged escalation \(id) (apollo/design): it climbs no further.")
            let again = try await Self.mattermost(client, user: "mm-bob", "ack \(id)")
            #expect(again.text == "Escalation \(id) is already acknowledged.")
            let unknown = try await Self.mattermost(client, user: "mm-bob", "ack esc_nope")
            #expect(unknown.text == "I know no escalation 'esc_nope'.")
        }
        let record = try #require(try fixture.store.escalations(states: nil).first { $0.id == id })
        #expect(record.state == .acknowledged)
        #expect(record.acknowledgement == Acknowledgement(by: "bob", at: fixture.now, note: "on it"))
    }

    @Test func ackWithANewDateAcknowledgesAndMovesTheMilestone() async throws {
        let fixture = try await RuntimeFixture()
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        try await fixture.test { client in
            let passed = try await Self.slack(
                client, fixture: fixture, user: "U-ALICE", "ack \(id) new date 2026-12-01"
            )
            #expect(passed.type == "ephemeral")
            #expect(passed.text == "Nothing changed: the new date, Tue 1 Dec, has passed: give today or a later date.")
            let reply = try await Self.slack(
                client, fixture: fixture, user: "U-ALICE", "ack \(id) new date 2026-12-10 vendor late", skew: 1
            )
            #expect(reply.type == "in_channel")
            #expect(reply.text == "Alice Ng acknowledged escalation \(id) and moved apollo/design to Thu 10 Dec: "
                + "it climbs no further.")
        }
        let record = try #require(try fixture.store.escalation(id: id))
        #expect(record.acknowledgement == Acknowledgement(by: "alice", at: fixture.now, note: "vendor late"))
        #expect(try fixture.milestone("design")?.due == CivilDate(iso: "2026-12-10"))
        let history = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        let moved = history.last { $0.change.field == "due" }
        #expect(moved?.source == "chat:alice" && moved?.actor == "alice")
        #expect(try Self.chats(fixture).map(\.outcome) == [.invalid, .applied])
    }

    @Test func ackDoneMarksTheMilestoneDoneAndResolvesTheEscalation() async throws {
        let fixture = try await RuntimeFixture()
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        try await fixture.test { client in
            let reply = try await Self.mattermost(client, user: "mm-bob", "ack \(id) done shipped")
            #expect(reply.type == "in_channel")
            #expect(reply.text == "Bob Roe marked apollo/design done: escalation \(id) is resolved.")
            let again = try await Self.mattermost(client, user: "mm-bob", "ack \(id) done")
            #expect(again.text == "Escalation \(id) is already resolved.")
        }
        #expect(try fixture.milestone("design")?.status == .done)
        #expect(try fixture.store.escalation(id: id)?.state == .resolved)
        let history = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        let done = history.last { $0.change.field == "status" }
        #expect(done?.source == "chat:bob" && done?.actor == "bob")
    }

    @Test func statusOfAProjectListsItsMilestonesAndOpenEscalations() async throws {
        let fixture = try await RuntimeFixture()
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        try await fixture.test { client in
            let reply = try await Self.mattermost(client, user: "mm-bob", "status apollo")
            #expect(reply.type == "ephemeral")
            #expect(reply.text == """
                Apollo (apollo)
                • design: Design sign-off · alice · in progress · due Thu 3 Dec, 1 business day overdue
                • build: Build · bob · planned · due Fri 18 Dec, in 10 business days
                Open escalation \(id) on design, level 1: ack \(id) to stop it.
                """)
            let unknown = try await Self.mattermost(client, user: "mm-bob", "status zeus")
            #expect(unknown.text == "I know no project 'zeus'. Known projects: apollo.")
        }
    }

    @Test func theLogShowsTheConversationAmongTheMessages() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            _ = try await Self.mattermost(client, user: "mm-bob", "done apollo/build")
            try await client.execute(uri: "/api/v1/log?project=apollo", method: .get, headers: authorized) { response in
                let items = try #require(logEntries(response))
                let chat = try #require(items.first { $0["event"] as? String == "chat" })
                #expect(chat["platform"] as? String == "mattermost")
                #expect(chat["user_id"] as? String == "mm-bob")
                #expect(chat["person"] as? String == "bob")
                #expect(chat["chat_channel"] as? String == "town-square")
                #expect(chat["text"] as? String == "done apollo/build")
                #expect(chat["answer"] as? String == "Bob Roe marked apollo/build (Build) done.")
                #expect(chat["outcome"] as? String == "applied")
                #expect(chat["milestones"] as? [String] == ["build"])
                let after = items.drop { $0["event"] as? String != "chat" }.dropFirst()
                #expect(after.contains { $0["rule"] as? String == "completed" }, "the announcement follows the command")
            }
        }
        let exchange = try #require(try Self.chats(fixture).first)
        #expect(LogReport.line(.chat(exchange), in: ServerFixture.calendar.timeZone)
            == "2026-12-04 09:00 mattermost mm-bob (bob) in #town-square: done apollo/build → "
            + "Bob Roe marked apollo/build (Build) done. · applied")
    }

    // MARK: - Helpers

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The fields of a slash command's reply.
    struct Reply {
        var status: Int
        var type: String
        var text: String
    }

    /// Posts `text` as a Mattermost slash command from `user`.
    static func mattermost(_ client: any TestClientProtocol, user: String, _ text: String) async throws -> Reply {
        let body = "token=\(RuntimeFixture.mattermostToken.value)&user_id=\(user)&channel_name=town-square"
            + "&command=%2Fherald&text=\(encoded(text))"
        return try await client.execute(
            uri: "/chat/mattermost", method: .post, headers: form, body: ByteBuffer(string: body)
        ) { try reply($0) }
    }

    /// Posts `text` as a signed Slack slash command from `user`, stamped `skew` seconds after the fixture's now.
    static func slack(
        _ client: any TestClientProtocol, fixture: RuntimeFixture, user: String, _ text: String, skew: Int = 0
    ) async throws -> Reply {
        let body = "user_id=\(user)&channel_name=apollo&command=%2Fherald&text=\(encoded(text))"
        let timestamp = String(Int(fixture.now.timeIntervalSince1970) + skew)
        let signature = SlackSignature.sign(
            secret: RuntimeFixture.slackSecret, timestamp: timestamp, body: Array(body.utf8)
        )
        let headers = SlackSignatureTests.headers(signature: signature, timestamp: timestamp)
        return try await client.execute(
            uri: "/chat/slack", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { try reply($0) }
    }

    private static func reply(_ response: TestResponse) throws -> Reply {
        let fields = try #require(json(response) as? [String: Any])
        return Reply(
            status: Int(response.status.code), type: fields["response_type"] as? String ?? "",
            text: fields["text"] as? String ?? fields["error"] as? String ?? ""
        )
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// The chat exchanges in the log, oldest first.
    static func chats(_ fixture: RuntimeFixture) throws -> [ChatExchange] {
        try fixture.store.timeline(LogFilter()).compactMap { event in
            guard case .chat(let exchange) = event else { return nil }
            return exchange
        }
    }
}
