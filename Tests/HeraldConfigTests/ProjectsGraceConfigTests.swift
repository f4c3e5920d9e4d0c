import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `projects_grace`: how long a vanished project file is kept before its milestones count as removed.
@Suite struct ProjectsGraceConfigTests {
    @Test(arguments: [(nil, 600), ("10m", 600), ("90s", 90), ("1h", 3600), ("0s", 0)] as [(String?, Double)])
    func theGraceIsReadWithItsDefault(text: String?, seconds: Double) throws {
        let main = ConfigFixture.main + (text.map { "projects_grace: \($0)\n" } ?? "")
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        #expect(try result.get().projectsGrace == seconds)
    }

    @Test(arguments: ["soon", "-5m", "10", "infm", "nanm"])
    func aBadGraceIsAnErrorAtItsValue(text: String) throws {
        let (result, directory) = try ConfigFixture.load(main: ConfigFixture.main + "projects_grace: \(text)\n")
        defer { directory.remove() }
        #expect(throws: ConfigError.self) { try result.get() }
        guard case .failure(let error) = result else { return }
        #expect(error.diagnostics.map(\.description) == [
            "herald.yaml:24:17: error: 'projects_grace' must look like 10m, 30s or 1h, not '\(text)'",
        ])
    }
}
