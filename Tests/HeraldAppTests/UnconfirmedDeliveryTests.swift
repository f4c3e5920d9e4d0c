import Foundation
import HeraldCore
import HeraldDelivery
import HeraldTestSupport
import Testing

/// A Teams Workflows 202 with an empty body, through the dispatcher into the store.
@Suite(.serialized) struct UnconfirmedDeliveryTests {
    @Test func teams202IsDeliveredWithTheUnconfirmedNoteOnTheAttempt() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.defaultResponse = .status(202)
        let harness = try DispatcherDeliveryTests.Harness(url: receiver.url, format: .teams())
        defer { harness.close() }
        let (_, delivery) = try await harness.deliverOne(until: .delivered)
        let attempts = try harness.store.attempts(deliveryID: delivery.id)
        #expect(attempts.map(\.httpStatus) == [202])
        #expect(attempts.map(\.responseExcerpt) == ["202 accepted (unconfirmed: Teams does not report delivery)"])
        #expect(receiver.requests.first?.bodyText.contains("AdaptiveCard") == true)
    }
}
