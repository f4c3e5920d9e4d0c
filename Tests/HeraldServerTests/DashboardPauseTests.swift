import Foundation
import HeraldCore
import HummingbirdTesting
import Testing
@testable import HeraldServer

/// The dashboard names the channels paused now (a receiver's spent quota, an open breaker): until when and why.
@Suite struct DashboardPauseTests {
    @Test func aPausedChannelIsShownWithItsEndAndReason() async throws {
        let server = try ServerFixture()
        let until = server.now.addingTimeInterval(7200)
        try server.store.pause(channel: "eng", ChannelPause(until: until, reason: "quota <spent>"))
        try server.store.pause(channel: "old", ChannelPause(until: server.now.addingTimeInterval(-1), reason: "over"))
        try await server.test { client in
            let cookie = try await DashboardTests.logIn(client)
            try await client.execute(uri: "/", method: .get, headers: cookie) { response in
                let page = DashboardTests.text(response)
                let zone = server.configuration.calendar.timeZone
                #expect(page.contains(
                    "<li class=\"pause\" id=\"pause-eng\"><strong>#eng</strong> paused until "
                        + "\(ConsoleLine.localTime(until, in: zone)): quota &lt;spent&gt;</li>"
                ))
                #expect(!page.contains("pause-old"), "a pause that ended is not shown")
            }
        }
    }
}
