import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import NIOCore

extension ServerRouter {
    /// `GET /digests/{name}/{time}`: the report digest `name` stored for its run at `time` (`2026-11-30T09:00:00Z`,
    /// as `DigestLink` writes it) as an HTML page, the target of the digests' "Full digest" link; 404 when the digest
    /// has no run at that time, 400 when `time` is not an RFC 3339 date-time. No token: the link is read in mail.
    func addDigestPages(to router: Router<BasicRequestContext>) {
        router.get("digests/:name/:time") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let name = Self.decoded(context.parameters.get("name"))
            let timeText = Self.decoded(context.parameters.get("time"))
            guard let time = ISO8601DateFormatter().date(from: timeText) else {
                throw APIError(.badRequest, "'\(timeText)' is not a date-time like 2026-11-30T09:00:00Z")
            }
            let key = ISO8601.string(time)
            guard var report = try store.digestRuns(name: name).last(where: { ISO8601.string($0.report.at) == key })?
                .report
            else {
                throw APIError(.notFound, "digest '\(name)' has no run at \(key)")
            }
            report.link = nil
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(
                    string: EmailBody.html(for: report, title: DigestWording.title(report))
                ))
            )
        }
    }

    /// A path segment with its percent-escapes decoded.
    static func decoded(_ segment: String?) -> String {
        let segment = segment ?? ""
        return segment.removingPercentEncoding ?? segment
    }
}
