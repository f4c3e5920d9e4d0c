/// A person's Microsoft Teams identity as `people.X.teams` gives it: a user principal name or an Entra object id.
public enum TeamsUser {
    /// True for a user principal name (`alice@contoso.com`: one `@`, a dotted domain, no spaces) or an Entra object
    /// id (`8-4-4-4-12` hexadecimal digits).
    public static func isValid(_ text: String) -> Bool {
        isObjectID(text) || isPrincipalName(text)
    }

    static func isObjectID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func isPrincipalName(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 256 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let allowed = { (character: Character) in character.isASCII && !character.isWhitespace && character != "<" }
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && text.allSatisfy(allowed)
            && !text.contains(">") && !text.contains("\"")
    }
}
