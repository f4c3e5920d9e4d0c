import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The release step's writes: what it releases becomes leasable, a bundle carries its items' deliveries to the end,
/// and a withdrawal ends a delivery with its reason.
@Suite struct StoreReleaseTests {
    /// A step that sends every candidate in one bundle.
    static func bundling(_ id: String) -> ReleaseStep {
        ReleaseStep(until: t0) { queue in
            var plan = ReleasePlan()
            let items = queue.candidates.map {
                BundleItem(id: $0.message.id, decidedAt: $0.message.createdAt, kind: $0.message.kind,
                           rules: [$0.message.rule ?? ""], project: $0.message.project,
                           milestones: $0.message.milestones, text: $0.message.text)
            }
            var bundle = message(id)
            bundle.kind = .bundle
            bundle.items = items
            bundle.text = "2 milestones need you today"
            plan.bundles = [.init(message: bundle, deliveryIDs: queue.candidates.map(\.deliveryID),
                                  note: "sent in \(id) with 1 other")]
            return plan
        }
    }

    @Test func aBundleIsTheOneDeliveryThatGoesAndItsItemsEndAsItDoes() throws {
        let store = try HeraldStore.inMemory()
        let plan = try store.commit(
            ruleStates: [], messages: [message("msg_a"), message("msg_b", milestones: ["build"])], at: t0,
            release: Self.bundling("msg_bundle")
        )
        #expect(plan.bundles.count == 1)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 30)
        #expect(leased.map(\.message.id) == ["msg_bundle"], "the items are not sent on their own")
        #expect(leased.first?.message.items?.map(\.id) == ["msg_a", "msg_b"])
        #expect(try store.waitingDeliveries().map(\.message.id) == ["msg_bundle"])
        try store.record(attempt: AttemptRecord(
            deliveryID: leased[0].delivery.id, startedAt: t0, latencyMilliseconds: 40, httpStatus: 200, curlCode: 0,
            error: nil, responseExcerpt: nil
        ), outcome: .delivered)
        let deliveries = try store.deliveries(states: nil, channel: nil, limit: 10)
        #expect(deliveries.allSatisfy { $0.state == .delivered && $0.deliveredAt == t0 + 0.04 })
        #expect(deliveries.filter { $0.messageID != "msg_bundle" }.allSatisfy {
            $0.lastError == "sent in msg_bundle with 1 other" && $0.carriedBy == leased[0].delivery.id
        })
        let item = try #require(try store.log(LogFilter()).first { $0.message.id == "msg_a" })
        #expect(LogReport.state(item, in: .gmt) == "delivered in 40 ms, sent in msg_bundle with 1 other",
                "the log says where an item went")
    }

    @Test func aDeadBundleTakesItsItemsWithIt() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(
            ruleStates: [], messages: [message("msg_a"), message("msg_b", milestones: ["build"])], at: t0,
            release: Self.bundling("msg_bundle")
        )
        let leased = try store.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 30)
        try store.record(attempt: AttemptRecord(
            deliveryID: leased[0].delivery.id, startedAt: t0, latencyMilliseconds: 40, httpStatus: 404, curlCode: 0,
            error: "HTTP 404", responseExcerpt: nil
        ), outcome: .dead(reason: "HTTP 404"))
        let items = try store.deliveries(states: nil, channel: nil, limit: 10).filter { $0.messageID != "msg_bundle" }
        #expect(items.allSatisfy {
            $0.state == .dead && $0.lastError == "not sent: the message carrying it failed: HTTP 404"
        })
    }

    @Test func aWithdrawalAndARewriteAreStored() throws {
        let store = try HeraldStore.inMemory()
        var held = message("msg_held")
        held.heldUntil = t0 + 60
        var other = message("msg_other", milestones: ["build"])
        other.heldUntil = t0 + 60
        try store.commit(ruleStates: [], messages: [held, other], at: t0)
        var rewritten = held
        rewritten.text = "Design is due in 2 business days, Thu 3 Dec."
        let plan = try store.release(at: t0 + 60, ReleaseStep(until: t0 + 60) { queue in
            var plan = ReleasePlan()
            plan.rewritten = [rewritten]
            plan.released = [queue.candidates[0].deliveryID]
            plan.withdrawn = [.init(deliveryID: queue.candidates[1].deliveryID,
                                    reason: "superseded: due moved to Thu 10 Dec")]
            return plan
        })
        #expect(plan.released.count == 1)
        #expect(try store.message(id: "msg_held")?.text == rewritten.text, "the same id, the new text")
        let leased = try store.leaseDueDeliveries(now: t0 + 60, limit: 10, leaseSeconds: 30)
        #expect(leased.map(\.message.text) == [rewritten.text])
        let withdrawn = try store.deliveries(states: [.cancelled], channel: nil, limit: 10)
        #expect(withdrawn.map(\.messageID) == ["msg_other"])
        #expect(withdrawn.first?.lastError == "superseded: due moved to Thu 10 Dec")
    }
}
