import HeraldCore

/// The address `herald calendar-url` prints: a calendar feed under `server.public_url` with its subscription key.
public enum CalendarSubscription {
    /// Why there is no address to print.
    public struct Failure: Error, CustomStringConvertible {
        /// What is missing, in words for the command line.
        public let description: String
    }

    /// The feed of every project, or of `project`, signed with the state directory's server key (made when missing).
    public static func url(configuration: Configuration, project: String?) throws -> String {
        guard let publicURL = configuration.server?.publicURL else {
            throw Failure(description: "server.public_url is not set, so there is no address to subscribe to")
        }
        if let project, !configuration.projects.contains(where: { $0.id == project }) {
            throw Failure(description: "unknown project '\(project)'")
        }
        let key = try ServerKeyFile.load(stateDirectory: configuration.stateDirectory)
        return CalendarLink.url(publicURL: publicURL, scope: project.map(CalendarScope.project) ?? .all, with: key)
    }
}
