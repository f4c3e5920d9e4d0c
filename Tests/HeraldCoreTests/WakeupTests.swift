import Testing
@testable import HeraldCore

@Suite struct WakeupTests {
    @Test func aSignalWakesTheWaiterAndIsNotLost() async {
        let wakeup = Wakeup()
        wakeup.signal()
        let clock = ContinuousClock()
        let elapsed = await clock.measure { await wakeup.wait(timeout: .seconds(10)) }
        #expect(elapsed < .seconds(5), "a signal sent before the wait ends it at once")
    }

    @Test func afterBeingWokenLaterWaitsStillWaitForTheirTimeout() async throws {
        let wakeup = Wakeup()
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let signaller = Task {
                try await Task.sleep(for: .milliseconds(20))
                wakeup.signal()
            }
            await wakeup.wait(timeout: .seconds(10))
            try await signaller.value
            // The woken wait's timer was cancelled: it must not leave a signal that ends the next wait early.
            let idle = await clock.measure { await wakeup.wait(timeout: .milliseconds(300)) }
            #expect(idle >= .milliseconds(250), "the wait ran to its timeout instead of returning at once")
        }
    }
}
