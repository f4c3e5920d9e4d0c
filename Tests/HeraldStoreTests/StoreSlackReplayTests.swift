import Foundation
import HeraldStore
import HeraldTestSupport
import Testing

/// The Slack signatures taken are kept in the store while their requests could be accepted, across a reopening,
/// and pruned afterwards.
@Suite struct StoreSlackReplayTests {
    @Test func aSignatureIsTakenOnceUntilItsRequestExpires() throws {
        let directory = try TemporaryDirectory(prefix: "herald-slack-replays")
        defer { directory.remove() }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let until = now.addingTimeInterval(300)
        let store = try HeraldStore(directory: directory.path)
        #expect(try store.isFirstSight(ofSlackSignature: "v0=aa", acceptedUntil: until, now: now))
        #expect(try !store.isFirstSight(ofSlackSignature: "v0=aa", acceptedUntil: until, now: now))
        #expect(try store.isFirstSight(ofSlackSignature: "v0=bb", acceptedUntil: until, now: now))
        let reopened = try HeraldStore(directory: directory.path)
        #expect(try !reopened.isFirstSight(ofSlackSignature: "v0=aa", acceptedUntil: until, now: until))
        let later = until.addingTimeInterval(1)
        #expect(
            try reopened.isFirstSight(ofSlackSignature: "v0=aa", acceptedUntil: later, now: later),
            "pruned once its request could no longer be accepted (the timestamp check refuses it then)"
        )
    }
}
