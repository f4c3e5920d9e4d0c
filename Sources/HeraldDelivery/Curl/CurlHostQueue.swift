/// The transfers of one host (scheme, host and port) on the loop thread: how many are in the multi handle, and
/// the submissions waiting, in order, for one of them to finish.
///
/// The engine keeps waiting transfers here rather than in libcurl, whose pending list makes every
/// `curl_multi_remove_handle` walk all waiting handles (quadratic with thousands queued).
struct CurlHostQueue {
    /// Transfers of this host currently in the multi handle.
    var active = 0
    private var waiting: [CurlSubmission] = []
    private var head = 0

    /// True when nothing is active or waiting; the entry can be dropped.
    var isIdle: Bool { active == 0 && head == waiting.count }

    /// Submissions waiting.
    var waitingCount: Int { waiting.count - head }

    mutating func append(_ submission: CurlSubmission) {
        waiting.append(submission)
    }

    /// The oldest waiting submission.
    mutating func popFirst() -> CurlSubmission? {
        guard head < waiting.count else { return nil }
        let first = waiting[head]
        head += 1
        if head == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        return first
    }

    /// Removes and returns the waiting submissions matching `predicate`.
    mutating func removeAll(where predicate: (CurlSubmission) -> Bool) -> [CurlSubmission] {
        guard head < waiting.count else { return [] }
        var kept: [CurlSubmission] = []
        var removed: [CurlSubmission] = []
        for submission in waiting[head...] {
            if predicate(submission) { removed.append(submission) } else { kept.append(submission) }
        }
        if !removed.isEmpty {
            waiting = kept
            head = 0
        }
        return removed
    }

    /// The key that groups URLs by connection target: lowercased `scheme://host:port` (default ports filled in).
    static func key(for url: String) -> String {
        guard let separator = url.firstRange(of: "://") else { return "" }
        let scheme = url[..<separator.lowerBound].lowercased()
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last.map(String.init) ?? String(authority)
        let lowered = hostPort.lowercased()
        let hasPort = lowered.last.map { _ in
            guard let colon = lowered.lastIndex(of: ":") else { return false }
            return !lowered[colon...].contains("]")
        } ?? false
        if hasPort { return "\(scheme)://\(lowered)" }
        let port = switch scheme {
        case "https": "443"
        case "http": "80"
        default: "0"
        }
        return "\(scheme)://\(lowered):\(port)"
    }
}
