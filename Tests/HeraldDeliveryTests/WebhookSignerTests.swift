import Foundation
import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct WebhookSignerTests {
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = 1_614_265_330
    let body = Array(#"{"test": 2432232314}"#.utf8)
    let reference = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test func standardWebhooksReferenceVector() throws {
        let signature = WebhookSigner.signature(
            id: id, timestamp: timestamp, body: body, secrets: [try WebhookKey(reference)]
        )
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func theKeyIsTheDecodedBytesNeverTheText() throws {
        let key = try WebhookKey(reference)
        #expect(key.bytes == Array(Data(base64Encoded: String(reference.dropFirst(6)))!))
        #expect(key.bytes.count == 24)
        #expect("\(key)" == "<redacted>")
    }

    @Test func rotationSignsWithEverySecretAndEachVerifies() throws {
        let old = try WebhookKey(reference)
        let new = try WebhookKey("whsec_" + "bmV3LXNlY3JldC1rZXktb2YtMzItYnl0ZXMtLS0t")
        let header = WebhookSigner.signature(id: id, timestamp: timestamp, body: body, secrets: [old, new])
        let parts = header.split(separator: " ")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.hasPrefix("v1,") })
        #expect(parts[0] != parts[1])
        #expect(WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body, secret: old))
        #expect(WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body, secret: new))
        let onlyNew = String(parts[1]), onlyOld = String(parts[0])
        #expect(WebhookSigner.verify(header: onlyNew, id: id, timestamp: timestamp, body: body, secret: new))
        #expect(!WebhookSigner.verify(header: onlyOld, id: id, timestamp: timestamp, body: body, secret: new))
    }

    @Test func signatureCoversIdTimestampAndBody() throws {
        let key = try WebhookKey(reference)
        let header = WebhookSigner.signature(id: id, timestamp: timestamp, body: body, secrets: [key])
        #expect(WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: "msg_other", timestamp: timestamp, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: id, timestamp: timestamp + 1, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body + [0x20], secret: key))
    }

    @Test(arguments: [
        ("", "must be whsec_"),
        ("whsec_", "decodes to 0 bytes"),
        ("whsec_!!!!", "is not standard base64"),
        ("not-a-whsec-secret", "must be whsec_"),
        ("whsec_" + Data("twenty-three bytes long".utf8).base64EncodedString(), "decodes to 23 bytes"),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS_", "is not standard base64"),
        ("whsec_MfKQ9r8GKYqrTwjUPD8I LPZIo2LaLaSw", "is not standard base64"),
    ])
    func malformedKeysAreRefused(text: String, fragment: String) {
        do {
            _ = try WebhookKey(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(fragment), "\(text): \(error)")
            #expect(error.description.contains("at least 24 bytes"))
        }
    }
}
