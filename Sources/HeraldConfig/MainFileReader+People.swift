import HeraldCore
import Yams

extension MainFileReader {
    /// The `people` section; `channels` are the channels read so far, to check what each person needs on theirs,
    /// and `hours` the calendar's working hours, which someone's quiet hours must leave some of.
    func readPeople(
        _ node: Node, references: References, channels: [String: Channel], hours: DailyWindow
    ) -> [String: Person] {
        var people: [String: Person] = [:]
        for (key, _, value) in context.namedEntries(node, "people") {
            let what = "person '\(key)'"
            guard let fields = context.mapping(
                value, what,
                allowed: [
                    "name", "email", "channel", "mention", "timezone", "quiet_hours", "chat_id", "teams", "max_per_day",
                ]
            ) else { continue }
            var person = Person(key: key, name: fields.string("name", in: what) ?? key)
            person.email = fields.string("email", in: what)
            person.mention = fields.string("mention", in: what)
            if let channelNode = fields["channel"], let channel = context.string(channelNode, "'channel'") {
                if check(channel, at: channelNode, known: references.channels, kind: "channel") { person.channel = channel }
                checkEmailAddress(of: person, on: channels[channel], at: channelNode)
            }
            person.timeZone = fields["timezone"].flatMap { timeZone($0) }
            if let teamsNode = fields["teams"], let teams = context.string(teamsNode, "'teams'") {
                if TeamsUser.isValid(teams) {
                    person.teams = teams
                } else {
                    context.error(
                        "'teams' must be a user principal name (alice@contoso.com) or an Entra object id "
                            + "(00000000-0000-0000-0000-000000000000), not '\(teams)'",
                        at: teamsNode
                    )
                }
            }
            person.maxPerDay = fields["max_per_day"].flatMap(maxPerDay)
            person.chatIDs = fields["chat_id"].map { context.stringList($0, "'chat_id'").map(\.0) } ?? []
            if let quietNode = fields["quiet_hours"], let quiet = quietHours(quietNode) {
                if quiet.covers(hours) {
                    context.error(
                        "'quiet_hours' \(quiet) cover all working hours (\(hours)): \(key) could never be reached",
                        at: quietNode
                    )
                } else {
                    person.quietHours = quiet
                }
            }
            people[key] = person
        }
        checkChatIDs(node)
        return people
    }

    func readAudiences(_ node: Node, references: References) -> [String: Audience] {
        var audiences: [String: Audience] = [:]
        for (key, _, value) in context.namedEntries(node, "audiences") {
            let what = "audience '\(key)'"
            guard let fields = context.mapping(value, what, allowed: ["members", "channels"]) else { continue }
            let members = fields["members"].map { context.stringList($0, "'members'") } ?? []
            let channelNames = fields["channels"].map { context.stringList($0, "'channels'") } ?? []
            for (member, item) in members { check(member, at: item, known: references.people, kind: "person") }
            for (channel, item) in channelNames { check(channel, at: item, known: references.channels, kind: "channel") }
            if members.isEmpty && channelNames.isEmpty {
                context.error("\(what) needs 'members' or 'channels'", at: value)
            }
            audiences[key] = Audience(key: key, members: members.map(\.0), channels: channelNames.map(\.0))
        }
        return audiences
    }

    /// Reports a reference to an undeclared name (`unknown person 'x'; did you mean 'y'?`); true when declared.
    @discardableResult
    func check(_ name: String, at node: Node, known: Set<String>, kind: String) -> Bool {
        context.check(name, at: node, known: known, kind: kind)
    }
}
