import Foundation
import HeraldConfig
import HeraldTestSupport
import Testing

@Suite struct StateLocationTests {
    @Test func stateIsFoundWithoutTheDaemonsSecrets() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("herald.yaml", ConfigFixture.main)
        let location = try ConfigLoader.stateLocation(path: path, environment: [:])
        #expect(location.stateDirectory == directory.path + "/data")
        #expect(location.timeZone.identifier == "Europe/London")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path, environment: [:]) }
    }

    @Test func aStateDirFromTheEnvironmentMustBeSet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let valid = try directory.write("valid.yaml", "state_dir: ${HERALD_STATE}\n")
        #expect(try ConfigLoader.stateLocation(path: valid, environment: ["HERALD_STATE": "/var/lib/herald"])
            .stateDirectory == "/var/lib/herald")
        let path = try directory.write("herald.yaml", "state_dir: ${HERALD_STATE}\ntimezone: Mars/Olympus\n")
        do {
            _ = try ConfigLoader.stateLocation(path: path, environment: [:])
            Issue.record("expected diagnostics")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(path):1:12: error: environment variable HERALD_STATE is not set",
                "\(path):2:11: error: unknown time zone 'Mars/Olympus'",
            ])
        }
    }
}
