import Foundation
import HeraldCore
@testable import HeraldStore
import Testing

/// The lease reads stored messages with ``StoredMessageReader``; it must give what `JSONDecoder` gives, or nothing.
@Suite struct StoredMessageReaderTests {
    static let bare = OutgoingMessage(
        id: "msg_1", createdAt: Date(timeIntervalSince1970: 1_796_029_200), kind: .reminder, rule: nil, project: nil,
        milestones: [], channel: "hook", recipients: [], mentions: [], text: ""
    )

    static let full = OutgoingMessage(
        id: "msg_2", createdAt: Date(timeIntervalSince1970: 1_796_029_200.123_456), kind: .escalation,
        rule: "overdue", project: ProjectRef(id: "apollo", name: "Apollo \"ERP\" upgrade"),
        milestones: [
            MilestoneRef(id: "a/b", title: "Design\tsign-off\n😀 é \\ \u{1}\u{1f}\u{7f}",
                         due: CivilDate(iso: "2026-12-04")!, status: .inProgress, owner: "alice"),
            MilestoneRef(id: "m2", title: "Go-live", due: CivilDate(iso: "1969-12-31")!, status: .done, owner: "bob"),
        ],
        channel: "eng", recipients: ["alice", "bob"], mentions: ["<@U1>", "@bob"],
        text: "</script> & <b>x</b> \u{2028} https://x.example/y?z=1",
        escalation: EscalationRef(id: "esc_1", policy: "missed", level: 2, levels: 3, isRepeat: true,
                                  ackURL: "https://h/ack?id=esc_1"),
        heldUntil: Date(timeIntervalSince1970: 1_796_060_000.5), holdReason: "quiet hours (alice)",
        milestoneURL: "https://h/milestones/apollo/a%2Fb?token=T.S"
    )

    static var withoutAckURL: OutgoingMessage {
        var message = full
        message.escalation?.ackURL = nil
        message.milestoneURL = nil
        message.heldUntil = nil
        message.holdReason = nil
        return message
    }

    @Test(arguments: [bare, full, withoutAckURL])
    func readsWhatTheStoreWroteAsTheDecoderDoes(message: OutgoingMessage) throws {
        let store = try HeraldStore.inMemory()
        var json = try store.json(message)
        let read = try #require(StoredMessageReader.message(from: &json))
        #expect(read == message)
        #expect(read == (try store.decode(OutgoingMessage.self, from: json)))
    }

    @Test func escapesOfEveryFormAreRead() throws {
        var json = #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"#
            + #""recipients":["\u00e9\ud83d\ude00\/\"\\\b\f\n\r\t"],"text":"t"}"#
        let read = try #require(StoredMessageReader.message(from: &json))
        #expect(read.recipients == ["é😀/\"\\\u{8}\u{c}\n\r\t"])
        #expect(read == (try HeraldStore.inMemory().decode(OutgoingMessage.self, from: json)))
    }

    @Test(arguments: [
        #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"recipients":[],"#
            + #""text":"t","priority":1}"#,
        #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"recipients":[]}"#,
        #"{"channel":"c","createdAt":0,"id":"m","kind":"loud","mentions":[],"milestones":[],"recipients":[],"#
            + #""text":"t"}"#,
        #"{"channel":"c","createdAt":"0","id":"m","kind":"test","mentions":[],"milestones":[],"recipients":[],"#
            + #""text":"t"}"#,
        #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"recipients":[],"#
            + #""text":"t"} x"#,
        #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"recipients":["\ud83d"],"#
            + #""text":"t"}"#,
        #"{"channel":"c","createdAt":0,"#,
    ])
    func anythingUnexpectedIsLeftToTheDecoder(json: String) {
        var json = json
        #expect(StoredMessageReader.message(from: &json) == nil)
    }

    @Test func aKeyTheReaderDoesNotKnowStillDecodes() throws {
        let store = try HeraldStore.inMemory()
        let json = #"{"channel":"c","createdAt":0,"id":"m","kind":"test","mentions":[],"milestones":[],"#
            + #""recipients":[],"text":"t","priority":1}"#
        #expect(try store.storedMessage(json).id == "m")
    }
}
