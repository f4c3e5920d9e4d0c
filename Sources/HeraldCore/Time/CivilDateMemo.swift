import Foundation

/// The calendar dates of instants in one zone, remembering the zone's UTC offset hour by hour.
///
/// Reading a zone's offset (`TimeZone.secondsFromGMT(for:)`) costs far more than the date arithmetic and takes a
/// lock; an evaluation pass reads the dates of many instants that share a few hundred hours.
struct CivilDateMemo {
    private let zone: TimeZone
    /// The offset of each UTC hour (hours since 1970) whose offset is the same at its start and its end.
    private var offsets: [Int: Int] = [:]

    /// An empty memo for `zone`.
    init(zone: TimeZone) {
        self.zone = zone
    }

    /// The date `instant` falls on in the zone: always `CivilDate(instant, in: zone)`.
    mutating func date(of instant: Date) -> CivilDate {
        let seconds = instant.timeIntervalSince1970
        let hour = Int((seconds / 3600).rounded(.down))
        let offset: Int
        if let known = offsets[hour] {
            offset = known
        } else {
            let start = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour) * 3600))
            let end = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour) * 3600 + 3599))
            // Offsets change at most once an hour, on a whole second: equal at both ends means constant between.
            guard start == end else { return CivilDate(instant, in: zone) }
            offsets[hour] = start
            offset = start
        }
        return CivilDate(dayNumber: Int(((seconds + Double(offset)) / 86_400).rounded(.down)))
    }
}
