import Foundation
import HeraldTestSupport
import Logging
import Testing
@testable import HeraldDelivery

/// A throughput check, off by default: `HERALD_PERF=1 swift test --filter CurlEngineThroughputTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HERALD_PERF"] != nil))
struct CurlEngineThroughputTests {
    @Test func tenThousandDeliveriesOnLoopback() async throws {
        let engine = CurlEngine(configuration: .init(maxHostConnections: 16), logger: Logger(label: "test.perf"))
        defer { engine.shutdown() }
        let receiver = try TestHTTPReceiver()
        let total = 10_000
        let body = Array(#"{"type":"test","data":{"text":"hello"}}"#.utf8)
        let start = ContinuousClock.now
        let succeeded = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<total {
                group.addTask {
                    await engine.perform(HTTPRequest(url: receiver.url, body: body)).status == 200
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        print("curl engine: \(total) deliveries in \(elapsed) s = \(Int(Double(total) / elapsed))/s,",
            "\(receiver.connectionCount) connections")
        #expect(succeeded == total)
    }
}
