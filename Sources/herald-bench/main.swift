// herald-bench: performance figures, printed. Run in release:
//   swift run -c release herald-bench reminders [milestones]          (default 10,000)
//   swift run -c release herald-bench delivery [messages] [channels] [offered-rate]
//       (defaults 50,000 messages on 4 channels; latency measured at 1,000 messages/s offered)
//   swift run -c release herald-bench engine [milestones] [rules]     (defaults 100,000 and 12)
let arguments = Array(CommandLine.arguments.dropFirst())
let numbers = arguments.dropFirst().compactMap(Int.init)
switch arguments.first ?? "reminders" {
case "delivery":
    try await deliveryBench(
        messages: numbers.first ?? 50_000, channels: numbers.dropFirst().first ?? 4,
        offeredRate: numbers.dropFirst(2).first ?? 1_000
    )
case "engine":
    try await engineBench(milestoneCount: numbers.first ?? 100_000, ruleCount: numbers.dropFirst().first ?? 12)
default:
    try await remindersBench(milestoneCount: numbers.first ?? 10_000)
}
