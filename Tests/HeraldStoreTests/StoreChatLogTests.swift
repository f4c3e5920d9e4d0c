import Foundation
import HeraldCore
import HeraldStore
import Testing

/// Chat commands in the communication log: stored, filtered, ordered before what they caused, rendered.
@Suite struct StoreChatLogTests {
    private static func exchange(_ text: String, at: Date, milestone: String? = nil) -> ChatExchange {
        ChatExchange(
            at: at, platform: "slack", userID: "U1", person: "alice", channel: "eng-chat", text: text,
            answer: "Answer to \(text)", outcome: milestone == nil ? .answered : .applied,
            projectID: milestone.map { _ in "apollo" }, milestoneID: milestone
        )
    }

    @Test func chatCommandsInterleaveWithMessagesAndFollowTheLogsFilters() throws {
        let store = try HeraldStore.inMemory()
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        try store.commit(ruleStates: [], messages: [message("msg_1", at: t0 + 60)], escalations: [], at: t0 + 60)
        let status = Self.exchange("status", at: t0)
        let done = Self.exchange("done apollo/design", at: t0 + 60, milestone: "design")
        try store.record(chat: status)
        try store.record(chat: done)

        let all = try store.timeline(LogFilter())
        #expect(all.map(\.key) == [
            LogEvent.chat(status).key, LogEvent.chat(done).key, "message msg_1 1",
        ], "a command comes before the message it caused at the same instant")
        #expect(try store.timeline(LogFilter(projectID: "apollo", milestoneID: "design")).count == 2)
        #expect(try store.timeline(LogFilter(channel: "eng")).map(\.key) == ["message msg_1 1"])
        #expect(try store.timeline(LogFilter(since: t0 + 30)).count == 2)
        #expect(try store.timeline(LogFilter(limit: 1)).map(\.key) == ["message msg_1 1"])
    }

    @Test func aChatCommandRendersAsOneLineAndAsJSON() throws {
        let exchange = ChatExchange(
            at: t0, platform: "mattermost", userID: "mm-x", person: nil, channel: nil, text: "status",
            answer: "Apollo (apollo): 2 milestones\nSay status PROJECT for its milestones.", outcome: .answered
        )
        let zone = TimeZone(identifier: "UTC")!
        #expect(LogReport.line(.chat(exchange), in: zone).hasSuffix(
            " mattermost mm-x (unknown user): status → Apollo (apollo): 2 milestones · "
                + "Say status PROJECT for its milestones. · answered"
        ))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(LogReport.json([.chat(exchange)]).utf8)) as? [[String: Any]]
        )
        #expect(json.first?["event"] as? String == "chat")
        #expect(json.first?["user_id"] as? String == "mm-x")
        #expect(json.first?["outcome"] as? String == "answered")
        #expect(json.first?["milestones"] as? [String] == [])
    }
}
