import Testing
@testable import HeraldDelivery

@Test func moduleDeliveryLinks() {
    #expect(Bool(true))
}
