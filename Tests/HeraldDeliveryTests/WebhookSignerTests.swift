import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct WebhookSignerTests {
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = 1_614_265_330
    let body = Array(#"{"test": 2432232314}"#.utf8)

    @Test func standardWebhooksReferenceVector() {
        let signature = WebhookSigner.signature(
            id: id, timestamp: timestamp, body: body, secrets: [Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
        )
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func rotationSignsWithEverySecretAndEachVerifies() {
        let old = Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let new = Secret("whsec_" + "bmV3LXNlY3JldC1rZXktb2YtMzItYnl0ZXMtLS0t")
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

    @Test func signatureCoversIdTimestampAndBody() {
        let key = Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let header = WebhookSigner.signature(id: id, timestamp: timestamp, body: body, secrets: [key])
        #expect(WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: "msg_other", timestamp: timestamp, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: id, timestamp: timestamp + 1, body: body, secret: key))
        #expect(!WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body + [0x20], secret: key))
    }

    @Test func plainSecretsUseTheirUTF8Bytes() {
        let plain = Secret("not-a-whsec-secret")
        let header = WebhookSigner.signature(id: id, timestamp: timestamp, body: body, secrets: [plain])
        #expect(WebhookSigner.verify(header: header, id: id, timestamp: timestamp, body: body, secret: plain))
        #expect(WebhookSigner.isValid(plain))
        #expect(!WebhookSigner.isValid(Secret("whsec_!!!")))
        #expect(!WebhookSigner.isValid(Secret("")))
    }
}
