/// User text (titles, notes, project names, a template's output, a chat command's answer) made inert for each chat
/// platform, so that it reads as written and pings nobody: only the mentions Herald itself puts before a message
/// (``ChatText/mentioning(_:_:)``, from each person's configured `mention`) notify anyone.
///
/// Where a platform has an escape for its markup (Slack's `&amp;` `&lt;` `&gt;`) it is used; elsewhere a zero-width
/// space (U+200B) is put where it breaks the markup without changing what a reader sees: after `@` (`@channel`,
/// `@all`, `@here`, `@everyone`, `@alice`), after `<` (`<!channel>`, `<users/all>`, `<@U1>`, `<https://…|label>`) and
/// after `]` (Markdown links and images `[x](https://…)`, reference links `[x][1]`, `[1]: https://…`).
public enum ChatEscaping: Sendable {
    /// Slack mrkdwn: `&`, `<`, `>` as entities, Slack's own escape (no `<!channel>`, `<@U1>` or `<url|label>`).
    case slack
    /// Mattermost Markdown: mentions (`@channel`, `@all`, `@here`, `@name`), Markdown links and `<…>` autolinks.
    case mattermost
    /// Discord Markdown: mentions (`@everyone`, `<@id>`, `<@&role>`, `<#channel>`) and masked links.
    case discord
    /// Teams Adaptive Card text: Markdown links and `<at>` mentions.
    case teams
    /// Google Chat text: `<users/all>`, `<users/ID>` and `<url|label>` links.
    case googleChat

    /// The zero-width space that breaks markup.
    public static let breaker: Character = "\u{200B}"

    /// `text`, inert on this platform.
    public func escape(_ text: String) -> String {
        switch self {
        case .slack: return text.replacingCharacters(String.slackEntities)
        case .mattermost, .discord: return Self.breaking(text, after: ["@", "<", "]"])
        case .teams: return Self.breaking(text, after: ["<", "]"])
        case .googleChat: return Self.breaking(text, after: ["<"])
        }
    }

    /// `text` with ``breaker`` after every one of `marks`.
    private static func breaking(_ text: String, after marks: Set<Character>) -> String {
        guard text.contains(where: marks.contains) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for character in text {
            escaped.append(character)
            if marks.contains(character) { escaped.append(breaker) }
        }
        return escaped
    }
}
