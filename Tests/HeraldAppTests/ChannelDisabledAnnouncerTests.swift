import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing
@testable import HeraldApp

@Suite struct ChannelDisabledAnnouncerTests {
    let status = ChannelStatus(
        channel: "eng", disabledReason: "HTTP 410 Gone: channel_is_archived", disabledAt: Date(), heldCount: 3
    )

    @Test func theAnnouncementSaysWhatHappenedAndHowToRelease() {
        let message = ChannelDisabledAnnouncer.message(for: status, to: "ops", at: Date())
        #expect(message.kind == .announcement)
        #expect(message.channel == "ops")
        #expect(message.text == "Channel 'eng' was disabled: HTTP 410 Gone: channel_is_archived. "
            + "3 messages are held; run `herald channels enable eng` to release them.")
    }

    @Test func itIsEnqueuedForTheOpsChannelOnly() throws {
        let directory = try TemporaryDirectory(prefix: "herald-announce")
        defer { directory.remove() }
        let store = try HeraldStore(directory: directory.path)
        let announcer = ChannelDisabledAnnouncer(
            store: store, opsChannel: nil, logger: Logger(label: "test"), now: { Date() }
        )
        #expect(announcer.announce(status) == nil, "no ops channel configured")
        announcer.update(opsChannel: "eng")
        #expect(announcer.announce(status) == nil, "not to the disabled channel itself")
        announcer.update(opsChannel: "ops")
        let message = try #require(announcer.announce(status))
        let pending = try store.deliveries(states: [.pending], channel: "ops", limit: 10)
        #expect(pending.map(\.messageID) == [message.id])
    }
}
