/// A digest as an HTML email: the title, the status coloured by RAG with its reason and rule, a table of the
/// projects and one table of every milestone the digest lists, by section. Email has no size limit that a digest
/// reaches, so nothing is shortened.
extension EmailBody {
    /// A complete HTML document for a stored digest `report` (the server's digest page): the email's body without
    /// the footer naming a message.
    public static func html(for report: DigestReport, title: String) -> String {
        digestHTML(report, title: title, greeting: nil, footer: nil)
    }

    /// A complete HTML document for a digest `report`, opening with `greeting` (`Hi Alice,`) and ending with
    /// `footer` when given; every piece of text is HTML-escaped.
    static func digestHTML(_ report: DigestReport, title: String, greeting: String?, footer: String?) -> String {
        let headline = DigestWording.headline(report)
        var lines = [
            "<!DOCTYPE html>",
            "<html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head><body>",
        ]
        if let greeting { lines.append("<p>\(escape(greeting))</p>") }
        lines += [
            "<h2>\(escape(DigestWording.title(report)))</h2>",
            "<p><strong style=\"color:\(color(report.headline.status))\">\(escape(headline[0]))</strong></p>",
        ]
        lines += headline.dropFirst().map { "<p>\(escape($0))</p>" }
        lines += DigestWording.notes(report).map { "<p><em>\(escape($0))</em></p>" }
        if !report.projects.isEmpty {
            lines.append(tableStart + "<tr><th>Project</th><th>Status</th><th>Reason</th></tr>")
            for status in report.projects {
                lines.append(row([status.project.name, status.status.rawValue, status.reason]))
            }
            lines.append("</table>")
        }
        let sections = DigestSection.sections(of: report)
        if !sections.isEmpty {
            lines.append("<h3>Milestones</h3>")
            lines.append(
                tableStart + "<tr><th>Section</th><th>Milestone</th><th>Project</th><th>Owner</th><th>Due</th>"
                    + "<th>Baseline</th><th>Detail</th></tr>"
            )
            for section in sections {
                for item in section.rows {
                    lines.append(row([
                        section.title, item.title, item.project, item.owner ?? "", item.due?.description ?? "",
                        item.baseline?.description ?? "", item.detail,
                    ]))
                }
            }
            lines.append("</table>")
        }
        if let link = report.link {
            lines.append("<p><a href=\"\(escape(link))\">\(escape(DigestWording.linkLabel))</a></p>")
        }
        if let footer { lines.append("<p style=\"color:#666;font-size:small\">\(escape(footer))</p>") }
        lines.append("</body></html>")
        return lines.joined(separator: "\n")
    }

    private static let tableStart = "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"

    /// One table row of escaped cells.
    private static func row(_ cells: [String]) -> String {
        "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
    }

    /// The CSS colour of a status.
    private static func color(_ status: RAGStatus) -> String {
        switch status {
        case .green: "#1e7e34"
        case .amber: "#b26a00"
        case .red: "#c62828"
        }
    }
}
