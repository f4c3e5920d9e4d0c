import Foundation
import HummingbirdTesting
import Testing

/// `GET /api/v1/projects[/{p}]`: the stored projects with their milestones and the fields rules compute, for the
/// server's today.
@Suite struct ProjectRoutesTests {
    @Test func projectsListMilestonesWithComputedFields() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/projects", method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let projects = try #require(json(response) as? [[String: Any]])
                #expect(projects.map { $0["id"] as? String } == ["apollo"])
                #expect(projects.first?["name"] as? String == "Apollo")
                let milestones = try #require(projects.first?["milestones"] as? [[String: Any]])
                let design = try #require(milestones.first)
                #expect(design["id"] as? String == "design")
                #expect(design["due"] as? String == "2026-12-03")
                #expect(design["baseline"] as? String == "2026-11-27")
                #expect(design["days_overdue"] as? Int == 1)
                #expect(design["business_days_overdue"] as? Int == 1)
                #expect(design["days_until_due"] as? Int == -1)
                #expect(design["slip_days"] as? Int == 4)
                #expect(design["days_since_update"] as? Int == 3)
            }
        }
    }

    @Test func oneProjectByIdAndAnUnknownOneIs404() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/projects/apollo", method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let project = try #require(json(response) as? [String: Any])
                #expect(project["id"] as? String == "apollo")
                #expect((project["milestones"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/v1/projects/zeus", method: .get, headers: authorized) { response in
                #expect(response.status == .notFound)
                #expect(errorText(response) == "unknown project 'zeus'")
            }
        }
    }

    @Test func anUnknownQueryParameterIs400() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/projects?status=red", method: .get, headers: authorized) {
                #expect($0.status == .badRequest)
                #expect(errorText($0)?.contains("unknown query parameter 'status'") == true)
            }
        }
    }
}
