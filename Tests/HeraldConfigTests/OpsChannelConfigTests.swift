import Foundation
import HeraldConfig
import HeraldCore
import Testing

@Suite struct OpsChannelConfigTests {
    @Test func opsChannelNamesAChannel() throws {
        let (result, directory) = try ConfigFixture.load(main: "ops_channel: console\n" + ConfigFixture.main)
        defer { directory.remove() }
        #expect(try result.get().opsChannel == "console")
    }

    @Test func opsChannelIsOptional() throws {
        let (result, directory) = try ConfigFixture.load()
        defer { directory.remove() }
        #expect(try result.get().opsChannel == nil)
    }

    @Test func anUnknownOpsChannelIsAnError() throws {
        let (result, directory) = try ConfigFixture.load(main: "ops_channel: nowhere\n" + ConfigFixture.main)
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.diagnostics.map(\.description) == ["herald.yaml:1:14: error: unknown channel 'nowhere'"])
    }
}
