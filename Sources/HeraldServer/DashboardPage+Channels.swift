import Foundation
import HeraldCore

extension DashboardPage {
    /// The channels no attempt goes to for a while (a receiver's spent quota, an open circuit breaker): until when
    /// and why. Nothing when none is paused.
    var pausesSection: String {
        guard !pauses.isEmpty else { return "" }
        let items = pauses.sorted { $0.key < $1.key }.map { channel, pause in
            let name = Self.escape(channel)
            return "<li class=\"pause\" id=\"pause-\(name)\"><strong>#\(name)</strong> paused until "
                + "\(Self.escape(ConsoleLine.localTime(pause.until, in: zone))): \(Self.escape(pause.reason))</li>"
        }
        return "<section id=\"pauses\"><h2>Paused channels</h2><ul>\(items.joined())</ul></section>"
    }
}
