import Foundation
import HeraldCore
import HeraldStore

/// One page of the communication log (`GET /api/v1/log`): the `limit` most recent events before a cursor, oldest
/// first, and the cursor of the page before it, if any.
///
/// A cursor names where the page it follows began: the time of its oldest event and how many events at that time
/// the newer pages already showed, so events sharing a timestamp are neither repeated nor skipped.
struct LogPage {
    /// The page size without `limit`.
    static let defaultLimit = 100
    /// The largest `limit` taken.
    static let maximumLimit = 1000

    /// Where a page ends (exclusive): before the last `shown` events at `time`.
    struct Cursor: Hashable {
        var time: Date
        var shown: Int

        /// The cursor written as `text`; nil when it is not one this server gave.
        init?(_ text: String) {
            guard let bytes = Base64URL.decode(text) else { return nil }
            let parts = String(decoding: bytes, as: UTF8.self).split(separator: ":")
            guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, let shown = Int(parts[1]),
                  shown > 0
            else { return nil }
            self.init(time: Date(timeIntervalSince1970: seconds), shown: shown)
        }

        init(time: Date, shown: Int) {
            self.time = time
            self.shown = shown
        }

        /// The opaque text of the cursor.
        var text: String { Base64URL.encode(Array("\(time.timeIntervalSince1970):\(shown)".utf8)) }
    }

    /// The page's events, oldest first.
    let events: [LogEvent]
    /// The cursor of the page before; nil when this page reaches the oldest event.
    let next: Cursor?

    /// What to read from the store for the page of `limit` events before `cursor`: `base` up to the cursor's time,
    /// one event more than the page needs, to tell whether there is a page before.
    static func filter(_ base: LogFilter, limit: Int, cursor: Cursor?) -> LogFilter {
        var filter = base
        filter.until = cursor?.time
        filter.limit = limit + (cursor?.shown ?? 0) + 1
        return filter
    }

    /// The page of `limit` events before `cursor` out of `read`, what ``filter(_:limit:cursor:)`` read.
    init(_ read: [LogEvent], limit: Int, cursor: Cursor?) {
        var remaining = read[...]
        if let cursor {
            for _ in 0..<cursor.shown where remaining.last?.time == cursor.time { remaining.removeLast() }
        }
        let events = Array(remaining.suffix(limit))
        self.events = events
        guard remaining.count > limit, let oldest = events.first?.time else {
            next = nil
            return
        }
        let earlier = cursor?.time == oldest ? cursor?.shown ?? 0 : 0
        next = Cursor(time: oldest, shown: events.count { $0.time == oldest } + earlier)
    }
}
