import HeraldCore

/// Keeps webhook URLs (whose paths and queries are tokens) out of messages: every `scheme://…` run of text
/// becomes `scheme://host/…`, and the request's own path is removed wherever it appears.
enum URLRedaction {
    /// `text` with URLs reduced to scheme and host, and `requestURL`'s path and query blanked out.
    static func redact(_ text: String, requestURL: String? = nil) -> String {
        var output = ""
        var rest = Substring(text)
        while let separator = rest.firstRange(of: "://") {
            let schemeStart = rest[..<separator.lowerBound].lastIndex { !isSchemeCharacter($0) }
                .map { rest.index(after: $0) } ?? rest.startIndex
            let end = rest[separator.upperBound...].firstIndex { isURLTerminator($0) } ?? rest.endIndex
            output += rest[..<schemeStart]
            let url = String(rest[schemeStart..<end])
            output += schemeStart == separator.lowerBound ? url : Secret(url)?.redactedURL ?? "<redacted>"
            rest = rest[end...]
        }
        output += rest
        if let requestURL, let tail = pathAndQuery(of: requestURL), tail.count > 1 {
            output = output.replacingAll(tail, with: "/…")
        }
        return output
    }

    private static func pathAndQuery(of url: String) -> String? {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let afterScheme = url[separator.upperBound...]
        guard let start = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return nil }
        return String(afterScheme[start...])
    }

    private static func isSchemeCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "+-.".contains(character))
    }

    private static func isURLTerminator(_ character: Character) -> Bool {
        character.isWhitespace || "\"'<>`".contains(character)
    }
}

extension String {
    /// A copy with every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let found = rest.firstRange(of: target) {
            output += rest[..<found.lowerBound]
            output += replacement
            rest = rest[found.upperBound...]
        }
        output += rest
        return output
    }
}
