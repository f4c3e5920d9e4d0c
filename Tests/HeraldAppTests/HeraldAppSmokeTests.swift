import Testing
@testable import HeraldApp

@Test func moduleAppLinks() {
    #expect(Bool(true))
}
