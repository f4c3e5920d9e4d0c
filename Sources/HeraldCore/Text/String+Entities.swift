extension String {
    /// The character references of ``htmlEscaped``: text safe inside HTML elements and double-quoted attributes.
    static let htmlEntities: [Character: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// The three escapes Slack's mrkdwn defines, which leave no `<!channel>`, `<@U1>` or `<url|label>`.
    static let slackEntities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]

    /// `self` with every character `entities` names replaced by its reference, in one pass.
    func replacingCharacters(_ entities: [Character: String]) -> String {
        guard contains(where: { entities[$0] != nil }) else { return self }
        var escaped = ""
        escaped.reserveCapacity(utf8.count + 16)
        for character in self {
            if let entity = entities[character] { escaped += entity } else { escaped.append(character) }
        }
        return escaped
    }
}
