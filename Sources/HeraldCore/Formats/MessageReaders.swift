/// Who a message's recipients are, as the renderings that speak to them need it: their names and Teams users, and
/// each one's part in the milestones and projects, to greet them and say why they receive a message.
public struct MessageReaders: Sendable {
    /// People by key.
    public var people: [String: Person]
    /// Audiences by key.
    public var audiences: [String: Audience]
    /// Each project's manager and sponsor (person keys), by project id.
    public var roles: [String: (manager: String?, sponsor: String?)]

    /// Creates readers from the config's people, audiences and projects.
    public init(people: [String: Person] = [:], audiences: [String: Audience] = [:], projects: [Project] = []) {
        self.people = people
        self.audiences = audiences
        roles = Dictionary(projects.map { ($0.id, ($0.manager, $0.sponsor)) }) { first, _ in first }
    }

    /// The display name of person `key`, or the key when the config does not name them.
    public func name(_ key: String) -> String {
        people[key]?.name ?? key
    }

    /// `Hi Alice,`, `Hi Alice and Bob,`, `Hi Alice, Bob and Carol,` (first names), or `Hello,` for nobody named.
    public func greeting(for message: OutgoingMessage) -> String {
        let names = message.recipients.map { name($0).split(separator: " ").first.map(String.init) ?? $0 }
        guard let last = names.last else { return "Hello," }
        let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
        return "Hi \(list),"
    }

    /// Why each recipient receives `message`, one sentence each: `You own this milestone.` for a single
    /// recipient, `Alice Ng owns this milestone. Bob Roe manages Apollo ERP upgrade.` for several; nil when none
    /// has a part in it (named by a rule directly).
    public func reason(for message: OutgoingMessage) -> String? {
        let single = message.recipients.count == 1
        let sentences = message.recipients.compactMap { key in
            part(of: key, in: message).map { single ? $0.you : "\(name(key)) \($0.them)" }
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// A recipient's part, worded for them (`You own …`) and for the others (`owns …`): owner of a milestone,
    /// else manager or sponsor of the project, else member of an audience.
    private func part(of key: String, in message: OutgoingMessage) -> (you: String, them: String)? {
        let owned = message.milestones.filter { $0.owner == key }
        if let first = owned.first {
            let what = message.milestones.count == 1 ? "this milestone" : first.title
            return ("You own \(what).", "owns \(what).")
        }
        if let project = message.project, let roles = roles[project.id] {
            if roles.manager == key { return ("You manage \(project.name).", "manages \(project.name).") }
            if roles.sponsor == key { return ("You sponsor \(project.name).", "sponsors \(project.name).") }
        }
        if let audience = audiences.keys.sorted().first(where: { audiences[$0]?.members.contains(key) == true }) {
            return ("You are on the \(audience) list.", "is on the \(audience) list.")
        }
        return nil
    }
}
