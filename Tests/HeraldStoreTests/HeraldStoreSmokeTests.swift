import Testing
@testable import HeraldStore

@Test func moduleStoreLinks() {
    #expect(Bool(true))
}
