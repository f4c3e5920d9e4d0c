/// Query parameters added to a webhook URL without disturbing the ones it already has.
enum URLQuery {
    /// `url` with each of `parameters` set: an existing parameter of the same name is replaced, others are kept
    /// in order, and the new ones follow. Values are percent-encoded; a fragment, if any, stays last.
    static func setting(_ parameters: [(name: String, value: String)], in url: String) -> String {
        let (withoutFragment, fragment) = split(url, at: "#")
        let (base, query) = split(withoutFragment, at: "?")
        let names = Set(parameters.map(\.name))
        var items = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map(String.init).filter {
            !names.contains(String($0.prefix { $0 != "=" }))
        }
        items += parameters.map { "\($0.name)=\(encode($0.value))" }
        return base + "?" + items.joined(separator: "&") + (fragment.map { "#" + $0 } ?? "")
    }

    /// RFC 3986 unreserved characters stay; every other byte is percent-encoded.
    static func encode(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            if unreserved.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return encoded
    }

    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
