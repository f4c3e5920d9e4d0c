import Foundation

/// The address where a whole digest can be read, under `server.public_url`.
public enum DigestLink {
    /// `https://herald.example.com/digests/weekly-sponsor/2026-11-30T09:00:00Z`: the digest's name and run time
    /// under the public URL (a trailing slash on it is ignored).
    public static func url(publicURL: String, name: String, at: Date) -> String {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        let segment = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? name
        return "\(base)/digests/\(segment)/\(ISO8601.string(at))"
    }

    /// The link of `report` under `configuration`'s `server.public_url`; nil when it has none.
    public static func url(for report: DigestReport, in configuration: Configuration) -> String? {
        configuration.server?.publicURL.map { url(publicURL: $0, name: report.name, at: report.at) }
    }
}
