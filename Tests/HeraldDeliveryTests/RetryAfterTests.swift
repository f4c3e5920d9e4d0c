import Foundation
import Testing
@testable import HeraldDelivery

@Suite struct RetryAfterTests {
    /// 1994-11-06T08:49:37Z.
    let epoch = 784_111_777.0

    @Test func deltaSeconds() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(RetryAfter.seconds(from: "7", now: now) == 7)
        #expect(RetryAfter.seconds(from: " 120 ", now: now) == 120)
        #expect(RetryAfter.seconds(from: "0", now: now) == 0)
    }

    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func httpDates(value: String) {
        #expect(RetryAfter.httpDate(value) == Date(timeIntervalSince1970: epoch))
        #expect(RetryAfter.seconds(from: value, now: Date(timeIntervalSince1970: epoch - 42)) == 42)
    }

    @Test func aPastDateMeansNow() {
        let later = Date(timeIntervalSince1970: epoch + 9)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: later) == 0)
    }

    @Test func leapDayAndModernDates() {
        #expect(RetryAfter.httpDate("Thu, 29 Feb 2024 23:59:59 GMT") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(RetryAfter.httpDate("Sat, 01 Jan 2000 00:00:00 GMT") == Date(timeIntervalSince1970: 946_684_800))
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "99999999999999999999"])
    func malformedValuesAreIgnored(value: String) {
        #expect(RetryAfter.seconds(from: value, now: Date(timeIntervalSince1970: 0)) == nil)
    }
}
