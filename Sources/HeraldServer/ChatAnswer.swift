import HeraldStore

/// What Herald answers a chat command, and how the command ended.
struct ChatAnswer: Hashable {
    var text: String
    var outcome: ChatExchange.Outcome

    /// A change is announced to the channel; reads, refusals and mistakes only to the sender.
    var inChannel: Bool { outcome == .applied }
}
