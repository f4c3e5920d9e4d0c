import HeraldCore
import Yams

extension MainFileReader {
    /// `bundling:`: `window` (a length of time such as `2m` or `90s`; `0` sends every message on its own) and
    /// `max_per_day` (a whole number above 0); unset ones keep their defaults.
    func readBundling(_ node: Node) -> Bundling {
        var bundling = Bundling()
        guard let fields = context.mapping(node, "'bundling'", allowed: ["window", "max_per_day"]) else {
            return bundling
        }
        if let value = fields["window"], let text = context.string(value, "'window'") {
            if let seconds = text == "0" ? 0 : Self.seconds(text), seconds.isFinite {
                bundling.window = seconds
            } else {
                context.error("'window' must look like 2m, 90s or 0 (no bundling), not '\(text)'", at: value)
            }
        }
        bundling.maxPerDay = fields["max_per_day"].flatMap(maxPerDay)
        return bundling
    }

    /// `max_per_day`: a whole number above 0.
    func maxPerDay(_ node: Node) -> Int? {
        guard let text = context.string(node, "'max_per_day'") else { return nil }
        guard let number = Int(text), number > 0 else {
            context.error("'max_per_day' must be a whole number greater than 0, not '\(text)'", at: node)
            return nil
        }
        return number
    }
}
