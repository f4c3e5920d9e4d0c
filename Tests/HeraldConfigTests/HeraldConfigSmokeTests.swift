import Testing
@testable import HeraldConfig

@Test func moduleConfigLinks() {
    #expect(Bool(true))
}
