import Foundation
import Testing
@testable import HeraldCore

/// The webhook body is written by hand (``JSONBytes``); these pin it to the bytes `JSONEncoder` wrote before.
@Suite struct WebhookBytesTests {
    @Test(arguments: [
        "",
        "plain text",
        String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })),
        "é€😀 \u{2028}\u{2029}\u{FEFF} https://example.com/a/b?c=d",
        "\"quoted\" \\ back\\slash\r\n",
    ])
    func stringsAreEscapedAsJSONEncoderEscapesThem(text: String) throws {
        var json = JSONBytes(capacity: 0)
        json.string(text)
        #expect(json.bytes == JSONOutput.bytes(text))
    }

    @Test func arraysNumbersBooleansAndNull() {
        var json = JSONBytes(capacity: 0)
        json.raw("[")
        json.strings(["a", "b"])
        json.raw(",")
        json.int(-42)
        json.raw(",")
        json.bool(true)
        json.raw(",")
        json.string(nil)
        json.raw("]")
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"[["a","b"],-42,true,null]"#)
    }

    @Test func anEscalationWithAwkwardTextGivesTheSameBytesAsBefore() {
        let message = OutgoingMessage(
            id: "msg_esc", createdAt: Self.createdAt, kind: .escalation, rule: nil, project: nil,
            milestones: [
                MilestoneRef(id: "a/b", title: "Say \"hi\" \\ 😀 é\t\n\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
                             due: CivilDate(iso: "2026-12-04")!, status: .inProgress, owner: "alice"),
                MilestoneRef(id: "m2", title: "Two", due: CivilDate(iso: "2027-01-05")!, status: .inProgress,
                             owner: "bob"),
            ],
            channel: "hook", recipients: ["alice", "bob"], mentions: [],
            text: "</script> & <b>x</b> https://x.example/y?z=1",
            escalation: EscalationRef(id: "esc_1", policy: "p", level: 2, levels: 3, isRepeat: true,
                                      ackURL: "https://h/ack?id=esc_1")
        )
        let expected = #"{"data":{"actor":null,"changes":[],"escalation":{"ack_url":"https://h/ack?id=esc_1","id":"#
            + #""esc_1","level":2,"levels":3,"policy":"p","repeat":true},"id":"msg_esc","kind":"escalation","#
            + #""milestones":[{"baseline":null,"blocks":null,"critical":null,"depends_on":[],"due":"#
            + #""2026-12-04","id":"a/b","owner":"alice","status":"in_progress","title":"Say \"hi\" \\ 😀 "#
            + #"é\t\n\r\b\f\u0001\u001f\#u{7f}"},{"baseline":null,"blocks":null,"critical":null,"depends_on":[],"#
            + #""due":"2027-01-05","id":"m2","owner":"bob","status":"in_prog"#
            + #"ress","title":"Two"}],"project":null,"recipients":["alice","bob"],"rule":null,"text":"</"#
            + #"script> & <b>x</b> https://x.example/y?z=1"},"timestamp":"2026-11-30T09:00:00Z","type":""#
            + #"escalation"}"#
        #expect(WebhookPayload.body(for: message) == Array(expected.utf8))
    }

    @Test func aBareReminderGivesTheSameBytesAsBefore() {
        let message = OutgoingMessage(
            id: "msg_test", createdAt: Self.createdAt, kind: .reminder, rule: "due-soon",
            project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"), milestones: [], channel: "hook",
            recipients: [], mentions: [], text: ""
        )
        let expected = #"{"data":{"actor":null,"changes":[],"escalation":null,"id":"msg_test","kind":"reminder","#
            + #""milestones":[],"project":{"#
            + #""id":"apollo","name":"Apollo ERP upgrade"},"recipients":[],"rule":"due-soon","text":""},"#
            + #""timestamp":"2026-11-30T09:00:00Z","type":"reminder"}"#
        #expect(WebhookPayload.body(for: message) == Array(expected.utf8))
    }

    @Test func anAnnouncementCarriesItsChangesActorAndTheMilestonesDependencies() {
        let message = OutgoingMessage(
            id: "msg_ann", createdAt: Self.createdAt, kind: .announcement, rule: "moved", project: nil,
            milestones: [MilestoneRef(
                id: "design", title: "D", due: CivilDate(iso: "2026-12-11")!, status: .atRisk, owner: "alice",
                baseline: CivilDate(iso: "2026-11-27"), critical: true, dependsOn: ["apollo/scope"],
                blocks: ["dcm/cutover", "apollo/launch"]
            )],
            channel: "hook", recipients: [], mentions: [], text: "t",
            changes: [FieldChange(field: "due", oldValue: "2026-12-04", newValue: "2026-12-11"),
                      FieldChange(field: "note", oldValue: nil, newValue: "supplier late")],
            actor: "Hannah Lee"
        )
        let expected = #"{"data":{"actor":"Hannah Lee","changes":[{"field":"due","from":"2026-12-04","to":"#
            + #""2026-12-11"},{"field":"note","from":null,"to":"supplier late"}],"escalation":null,"id":"msg_ann","#
            + #""kind":"announcement","milestones":[{"baseline":"2026-11-27","blocks":["dcm/cutover","apollo/launch"],"#
            + #""critical":true,"depends_on":["apollo/scope"],"due":"2026-12-11","id":"design","owner":"alice","#
            + #""status":"at_risk","title":"D"}],"project":null,"recipients":[],"rule":"moved","text":"t"},"#
            + #""timestamp":"2026-11-30T09:00:00Z","type":"announcement"}"#
        #expect(String(decoding: WebhookPayload.body(for: message), as: UTF8.self) == expected)
    }

    @Test(arguments: [(0, 4), (5, 2), (12, 2), (123, 2), (-5, 4), (-123, 2), (2026, 4), (7, 0)])
    func zeroPaddingMatchesPrintf(value: Int, width: Int) {
        #expect(value.zeroPadded(width) == String(format: "%0\(width)d", value))
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (-1.0, "1969-12-31T23:59:59Z"), (1_796_029_200.75, "2026-11-30T09:00:00Z"),
        (1_796_068_799.0, "2026-11-30T19:59:59Z"),
    ])
    func timestampsAreRFC3339InUTC(seconds: Double, text: String) {
        #expect(ISO8601.string(Date(timeIntervalSince1970: seconds)) == text)
    }

    static let createdAt = Date(timeIntervalSince1970: 1_796_029_200)
}
